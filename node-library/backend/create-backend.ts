import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PIPELINE_FORMAT, PipewrightError, type PipelineFile, type PipewrightApi } from '../contract';
import { exportPipeline } from '../export/export-pipeline';
import { loadPipelineFile, parsePipeline, pipelineOrThrow } from '../model/load';
import { serializePipeline, writeFileAtomic } from '../model/save';
import { createRegistry, type NodeRegistry } from '../nodes/registry';
import { defaultDataDir } from './data-dir';
import { findPipelineFile, newPipelineFile, newPipelineId, scanPipelineFolder } from './pipeline-folder';
import { RunService } from './run-service';

export interface BackendOptions {
  pipelinesDir: string;
  /** Run history and cache; defaults to the platform's app-data folder. */
  dataDir?: string;
  registry?: NodeRegistry;
  concurrency?: number;
  keepRunsPerPipeline?: number;
}

export interface Backend extends PipewrightApi {
  /** Resolves when the run has finished; for hosts that must wait (CLI, tests). */
  whenFinished(runId: string): Promise<void>;
  /** Cancels every active run, waits for them, and closes the run store. */
  close(): Promise<void>;
}

/** The one backend object that Electron's IPC and serve mode's WebSocket both expose. */
export function createBackend(options: BackendOptions): Backend {
  const registry = options.registry ?? createRegistry();
  const runs = new RunService({
    registry,
    dataDir: options.dataDir ?? defaultDataDir(),
    concurrency: options.concurrency,
    keepRunsPerPipeline: options.keepRunsPerPipeline ?? 200,
  });

  const loadChecked = async (pipelineId: string) => {
    const file = await findPipelineFile(options.pipelinesDir, pipelineId);
    return { file, pipeline: pipelineOrThrow(await loadPipelineFile(file, registry), path.basename(file)) };
  };
  const runDetail = (runId: string) => {
    const detail = runs.store.getRun(runId);
    if (!detail) throw new PipewrightError('E_RUN_001', `no run with id ${runId}`);
    return detail;
  };

  return {
    async listPipelines() {
      const entries = await scanPipelineFolder(options.pipelinesDir);
      return entries.map(({ id, name, description, nodeCount }) => ({ id, name, description, nodeCount }));
    },
    async loadPipeline(pipelineId) {
      // Graph problems (an unconnected input, a missing param) do not stop the editor opening a work in progress;
      // it shows them in its problems panel, and startRun refuses the pipeline until they are fixed.
      const file = await findPipelineFile(options.pipelinesDir, pipelineId);
      return pipelineOrThrow(await loadPipelineFile(file, registry, { graph: false }), path.basename(file));
    },
    async savePipeline(pipelineId, pipeline) {
      if (pipeline.id !== pipelineId) throw new PipewrightError('E_API_001', `pipeline id ${pipeline.id} does not match ${pipelineId}`);
      const file = await findPipelineFile(options.pipelinesDir, pipelineId).catch(() => newPipelineFile(options.pipelinesDir, pipelineId));
      await writeFileAtomic(file, serializePipeline(pipeline));
    },
    async createPipeline(name) {
      const id = await newPipelineId(options.pipelinesDir, name);
      const pipeline: PipelineFile = { format: PIPELINE_FORMAT, id, name: name.trim(), description: '', params: {}, nodes: [], edges: [], layout: {} };
      await writeFileAtomic(newPipelineFile(options.pipelinesDir, id), serializePipeline(pipeline));
      return pipeline;
    },
    async deletePipeline(pipelineId) {
      const file = await findPipelineFile(options.pipelinesDir, pipelineId);
      await rm(file).catch((error: Error) => {
        throw new PipewrightError('E_PIPELINE_006', `could not delete ${path.basename(file)}: ${error.message}`);
      });
    },
    async validatePipeline(pipeline) {
      const result = parsePipeline(JSON.stringify(pipeline), registry);
      return result.ok ? [] : result.problems;
    },
    async listNodeTypes() {
      return registry.list();
    },
    async exportPipeline({ pipelineId, outDir, includeData, cron }) {
      const { file, pipeline } = await loadChecked(pipelineId);
      // Relative to the pipelines folder, as the file's own paths are.
      return exportPipeline(pipeline, file, registry, { outDir: path.resolve(options.pipelinesDir, outDir), includeData, cron });
    },
    async startRun({ pipelineId, params, partial, concurrency }) {
      const { file, pipeline } = await loadChecked(pipelineId);
      const { runId } = runs.start({ pipeline, source: file, params, partial, concurrency, trigger: 'manual' });
      return { runId };
    },
    async cancelRun(runId) {
      runs.cancel(runId);
    },
    async resumeRun(runId) {
      const { run } = runDetail(runId);
      const current = await loadChecked(run.pipelineId).catch(() => undefined);
      return { runId: runs.resume(runId, current && { pipeline: current.pipeline, source: current.file }).runId };
    },
    async listRuns(filter) {
      return runs.store.listRuns(filter);
    },
    async getRun(runId) {
      return runDetail(runId);
    },
    async getRunEvents(runId) {
      runDetail(runId);
      return runs.store.runEvents(runId);
    },
    async getRunLogs(runId, nodeId) {
      runDetail(runId);
      return runs.store.logs(runId, nodeId);
    },
    onRunEvent(listener) {
      return runs.onEvent(listener);
    },
    whenFinished: (runId) => runs.whenFinished(runId),
    close: () => runs.close(),
  };
}
