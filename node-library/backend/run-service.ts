import path from 'node:path';
import { PipewrightError, type PartialRun, type PipelineFile, type RunEvent, type RunState, type RunTrigger } from '../contract';
import { fileCache } from '../engine/cache';
import { localHost } from '../engine/host';
import { runPipeline, type RunOptions } from '../engine/run-pipeline';
import { resolveNodeParams } from '../engine/run-node';
import { resolveRunParams, type RunParams } from '../model/params';
import type { NodeRegistry } from '../nodes/registry';
import { newRunId } from '../store/run-id';
import { RunStore } from '../store/run-store';
import { capLogs } from './log-cap';

export interface RunServiceOptions {
  registry: NodeRegistry;
  /** Holds history.sqlite and cache/. */
  dataDir: string;
  /** The history database, when not dataDir/history.sqlite. */
  dbFile?: string;
  concurrency?: number;
  /** Runs kept per pipeline; older ones are pruned at start and every 50 runs (pruning VACUUMs). */
  keepRunsPerPipeline?: number;
  cacheMaxBytes?: number;
  /** Log lines kept per node in one run (100,000 by default). */
  logCap?: number;
  /** Where secret values come from: the app's secret store; by default PIPEWRIGHT_SECRET_<NAME>. */
  secrets?: (name: string) => string | undefined;
}

export interface StartRequest {
  pipeline: PipelineFile;
  /** The pipeline file; relative paths in the pipeline resolve against its folder. */
  source: string;
  params?: Record<string, unknown>;
  partial?: PartialRun;
  trigger: RunTrigger;
  concurrency?: number;
  /** false: no previews, and chains of SQL nodes stay fused (see RunOptions.previewRows). */
  previews?: boolean;
  /** Chosen by the caller when it must find the run again (the scheduler records it first). */
  runId?: string;
  /** Where relative output paths of sinks resolve; the pipeline's folder when not given. */
  outputDir?: string;
  /** Where the pipeline's npm packages are installed; `<pipeline's folder>/.pipewright/packages` when not given. */
  packagesDir?: string;
}

export interface StartedRun {
  runId: string;
  done: Promise<RunState>;
}

/**
 * Starts, tracks, cancels and resumes runs, recording every event in the
 * run store. Shared by the app's backend and the CLI.
 */
export class RunService {
  readonly store: RunStore;
  /** The history database file; the scheduler keeps its state in it too. */
  readonly dbFile: string;
  private readonly listeners = new Set<(event: RunEvent) => void>();
  private readonly active = new Map<string, { controller: AbortController; done: Promise<RunState> }>();
  private readonly cache;
  private runsSincePrune = 0;

  constructor(private readonly options: RunServiceOptions) {
    this.dbFile = options.dbFile ?? path.join(options.dataDir, 'history.sqlite');
    this.store = RunStore.open(this.dbFile);
    this.cache = fileCache(path.join(options.dataDir, 'cache'), options.cacheMaxBytes ?? 1024 ** 3);
    this.prune();
  }

  private prune(): void {
    this.runsSincePrune = 0;
    if (this.options.keepRunsPerPipeline) this.store.prune(this.options.keepRunsPerPipeline);
  }

  onEvent(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks the parameters against the pipeline (every problem, before anything runs), then starts. */
  start(request: StartRequest): StartedRun {
    const params = this.checkParams(request.pipeline, request.params);
    const reusable = request.partial ? this.store.latestOutputs(request.pipeline.id) : undefined;
    return this.launch(request, params, { reusable });
  }

  /**
   * Resumes with the pipeline as it is now (the user may have fixed the
   * failing node), else as it was when it ran; reuses the outputs of every
   * node that succeeded in the earlier run.
   */
  resume(runId: string, current?: { pipeline: PipelineFile; source: string }): StartedRun {
    const detail = this.store.getRun(runId);
    if (!detail) throw new PipewrightError('E_RUN_001', `no run with id ${runId}`);
    const { run } = detail;
    const pipeline = current?.pipeline ?? detail.pipeline;
    const source = current?.source ?? run.source ?? path.join(process.cwd(), 'pipeline.json');
    if (this.active.has(runId) || run.state === 'running') throw new PipewrightError('E_RUN_004', `run ${runId} is still running`);
    if (run.state === 'succeeded') throw new PipewrightError('E_RUN_004', `run ${runId} succeeded; there is nothing to resume`);
    const stored = this.store.outputsOfRun(runId);
    const reusable = new Map([...stored].map(([nodeId, outputs]) => [nodeId, { runId, outputs }]));
    const start = this.store.runEvents(runId).find((e) => e.type === 'run:start');
    const exists = new Set(pipeline.nodes.map((n) => n.id));
    const scope = start?.type === 'run:start' ? start.nodeIds.filter((id) => exists.has(id)) : [...exists];
    const mustRun = scope.filter((id) => !reusable.has(id));
    return this.launch({ pipeline, source, trigger: run.trigger, partial: run.partial }, run.params, { reusable, mustRun, showReused: scope, resumedFrom: runId });
  }

  cancel(runId: string): void {
    const run = this.active.get(runId);
    if (!run) throw new PipewrightError('E_RUN_001', `run ${runId} is not running`);
    run.controller.abort();
  }

  async whenFinished(runId: string): Promise<void> {
    await this.active.get(runId)?.done;
  }

  async close(): Promise<void> {
    for (const run of this.active.values()) run.controller.abort();
    await Promise.all([...this.active.values()].map((r) => r.done));
    this.store.close();
  }

  private checkParams(pipeline: PipelineFile, overrides: Record<string, unknown> | undefined): RunParams {
    const resolved = resolveRunParams(pipeline.params, overrides);
    const problems = resolved.ok ? [] : resolved.problems;
    if (resolved.ok) {
      for (const node of pipeline.nodes) {
        try {
          resolveNodeParams(node, this.options.registry.get(node.type)!, resolved.values);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
    }
    if (!resolved.ok || problems.length > 0) throw new PipewrightError('E_PARAM_001', `invalid run parameters:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    return resolved.values;
  }

  private launch(request: StartRequest, params: RunParams, extra: Pick<RunOptions, 'reusable' | 'mustRun' | 'showReused' | 'resumedFrom'>): StartedRun {
    const { pipeline } = request;
    const runId = request.runId ?? newRunId();
    const controller = new AbortController();
    this.store.beginRun({ runId, pipeline, source: request.source, params, trigger: request.trigger, partial: request.partial, resumedFrom: extra.resumedFrom, startedAt: Date.now() });
    const emit = capLogs((event: RunEvent) => {
      this.store.append(event);
      for (const listener of this.listeners) listener(event);
    }, this.options.logCap);
    const done = runPipeline(pipeline, {
      runId,
      registry: this.options.registry,
      host: localHost(path.dirname(request.source), { secrets: this.options.secrets, outputDir: request.outputDir, packagesDir: request.packagesDir }),
      onEvent: emit,
      signal: controller.signal,
      concurrency: request.concurrency ?? this.options.concurrency,
      previewRows: request.previews === false ? 0 : undefined,
      params,
      trigger: request.trigger,
      partial: request.partial,
      resumedFrom: extra.resumedFrom,
      mustRun: extra.mustRun,
      showReused: extra.showReused,
      reusable: extra.reusable,
      onOutputs: (nodeId, outputs) => this.store.recordOutputs(runId, nodeId, outputs),
      state: { get: (key) => this.store.getState(pipeline.id, key), set: (key, value) => this.store.setState(pipeline.id, key, value) },
      cache: this.cache,
    })
      .catch((error: unknown): RunState => {
        emit({ type: 'run:finish', runId, at: Date.now(), state: 'failed', error: { code: 'E_INTERNAL_001', message: String(error) } });
        return 'failed';
      })
      .finally(() => {
        this.active.delete(runId);
        if (++this.runsSincePrune >= 50) this.prune();
      });
    this.active.set(runId, { controller, done });
    return { runId, done };
  }
}
