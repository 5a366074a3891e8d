import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { PipewrightError, type PipewrightApi, type RunEvent } from '../contract';
import { localHost } from '../engine/host';
import { runPipeline } from '../engine/run-pipeline';
import { loadPipelineFile, pipelineOrThrow } from '../model/load';
import { serializePipeline, writeFileAtomic } from '../model/save';
import { createRegistry, type NodeRegistry } from '../nodes/registry';
import { findPipelineFile, newPipelineFile, scanPipelineFolder } from './pipeline-folder';

export interface BackendOptions {
  pipelinesDir: string;
  registry?: NodeRegistry;
  concurrency?: number;
}

export interface Backend extends PipewrightApi {
  /** Resolves when the run has finished; for hosts that must wait (CLI, tests). */
  whenFinished(runId: string): Promise<void>;
  /** Cancels every active run and waits for them to stop. */
  close(): Promise<void>;
}

/** The one backend object that Electron's IPC and serve mode's WebSocket both expose. */
export function createBackend(options: BackendOptions): Backend {
  const registry = options.registry ?? createRegistry();
  const listeners = new Set<(event: RunEvent) => void>();
  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const broadcast = (event: RunEvent) => {
    for (const listener of listeners) listener(event);
  };

  const loadChecked = async (pipelineId: string) => {
    const file = await findPipelineFile(options.pipelinesDir, pipelineId);
    return { file, pipeline: pipelineOrThrow(await loadPipelineFile(file, registry), path.basename(file)) };
  };

  return {
    async listPipelines() {
      const entries = await scanPipelineFolder(options.pipelinesDir);
      return entries.map(({ id, name, description, nodeCount }) => ({ id, name, description, nodeCount }));
    },
    async loadPipeline(pipelineId) {
      return (await loadChecked(pipelineId)).pipeline;
    },
    async savePipeline(pipelineId, pipeline) {
      if (pipeline.id !== pipelineId) throw new PipewrightError('E_API_001', `pipeline id ${pipeline.id} does not match ${pipelineId}`);
      const file = await findPipelineFile(options.pipelinesDir, pipelineId).catch(() => newPipelineFile(options.pipelinesDir, pipelineId));
      await writeFileAtomic(file, serializePipeline(pipeline));
    },
    async listNodeTypes() {
      return registry.list();
    },
    async startRun({ pipelineId }) {
      const { file, pipeline } = await loadChecked(pipelineId);
      const runId = `run_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
      const controller = new AbortController();
      const host = localHost(path.dirname(file));
      const done = runPipeline(pipeline, { runId, registry, host, signal: controller.signal, onEvent: broadcast, concurrency: options.concurrency })
        .catch((error: unknown) => broadcast({ type: 'run:finish', runId, at: Date.now(), state: 'failed', error: { code: 'E_INTERNAL_001', message: String(error) } }))
        .then(() => void active.delete(runId));
      active.set(runId, { controller, done });
      return { runId };
    },
    async cancelRun(runId) {
      const run = active.get(runId);
      if (!run) throw new PipewrightError('E_RUN_001', `run ${runId} is not running`);
      run.controller.abort();
    },
    onRunEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async whenFinished(runId) {
      await active.get(runId)?.done;
    },
    async close() {
      for (const run of active.values()) run.controller.abort();
      await Promise.all([...active.values()].map((r) => r.done));
    },
  };
}
