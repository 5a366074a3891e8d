import os from 'node:os';
import { PipewrightError, type ErrorInfo, type NodeState, type ParamValue, type PartialRun, type PipelineFile, type RunEvent, type RunState, type RunTrigger } from '../contract';
import { DuckDbSession } from '../data/duckdb-session';
import type { PipelineState } from '../nodes/define-node';
import type { NodeRegistry } from '../nodes/registry';
import type { OutputCache } from './cache';
import { nodeErrorInfo } from './errors';
import type { RunContext } from './execute-node';
import { lineage } from './lineage';
import { incomingEdges, planRun, type Reusable } from './plan';
import type { HostApi } from './host';
import { createSecretMasker, maskingHost, referencedSecrets } from './secret-masker';
import { Scheduler } from './scheduler';

export interface RunOptions {
  runId: string;
  registry: NodeRegistry;
  host: HostApi;
  onEvent(event: RunEvent): void;
  signal?: AbortSignal;
  /** Nodes running at once; defaults to the number of CPUs. */
  concurrency?: number;
  /** Resolved run parameters (see model/params). */
  params?: Record<string, ParamValue>;
  trigger?: RunTrigger;
  partial?: PartialRun;
  /** Resume: the run this one continues, and the nodes that must run again. */
  resumedFrom?: string;
  mustRun?: Iterable<string>;
  /** Reused nodes to show in this run even when nothing downstream needs them (resume). */
  showReused?: Iterable<string>;
  /** Stored outputs the run may use instead of running a node (partial runs, resume). */
  reusable?: Reusable;
  /** Called with the outputs of every node that succeeded, so they can be stored. */
  onOutputs?(nodeId: string, outputs: Record<string, unknown>): void;
  state?: PipelineState;
  cache?: OutputCache;
  /** Cancels the run when exceeded; defaults to the pipeline's timeoutMs. */
  timeoutMs?: number;
  /** Rows per table preview (100 by default); 0 for a headless run: no previews, and chains of SQL nodes stay fused. */
  previewRows?: number;
}

/**
 * Runs a validated pipeline, or part of it: a ready queue over the DAG,
 * independent nodes in parallel, every state change and log line emitted as
 * an event. One engine for the app, the CLI and exported scripts.
 */
export async function runPipeline(pipeline: PipelineFile, options: RunOptions): Promise<RunState> {
  const { runId } = options;
  // Secret values never leave the run in an event: not in logs, errors or previews.
  const masker = createSecretMasker();
  const host = maskingHost(options.host, masker);
  for (const name of referencedSecrets(pipeline.nodes)) host.secret(name);
  const emit = (event: RunEvent) => options.onEvent(masker.maskDeep(event));
  const plan = planRun(pipeline, options);
  const nodeIds: string[] = [];
  pipeline.nodes.forEach((node, i) => {
    if (plan.run[i]) options.registry.get(node.type)?.prepare?.(node, { dependencies: pipeline.dependencies ?? {}, host });
    if (plan.run[i] || plan.reuse[i]) nodeIds.push(node.id);
  });
  const params = options.params ?? {};
  emit({ type: 'run:start', runId, at: Date.now(), pipelineId: pipeline.id, nodeIds, params, trigger: options.trigger ?? 'manual', partial: options.partial, resumedFrom: options.resumedFrom });

  const { signal, dispose, timedOut } = runSignal(options.signal, options.timeoutMs ?? pipeline.timeoutMs);
  const data = new DuckDbSession();
  const previewRows = options.previewRows ?? 100;
  const memoryState = new Map<string, unknown>();
  const run: RunContext = {
    runId,
    registry: options.registry,
    host,
    runParams: params,
    dependencies: pipeline.dependencies ?? {},
    data,
    state: options.state ?? { get: (k) => memoryState.get(k), set: (k, v) => void memoryState.set(k, v) },
    signal,
    concurrency: Math.max(1, options.concurrency ?? os.availableParallelism()),
    emit,
    cache: options.cache,
    fuse: previewRows === 0,
    fingerprint: lineage(pipeline, (id) => incomingEdges(plan, id), options.registry, host, params),
  };
  const scheduler = new Scheduler(pipeline, plan, run, { reusable: options.reusable, onOutputs: options.onOutputs, previewRows });
  run.readerConditions = (nodeId) => scheduler.readerConditions(nodeId);
  let states: NodeState[];
  try {
    states = await scheduler.run();
  } finally {
    dispose();
    await data.close();
  }

  const state: RunState = signal.aborted ? 'cancelled' : states.includes('failed') ? 'failed' : 'succeeded';
  const error: ErrorInfo | undefined = timedOut() ? nodeErrorInfo(signal.reason) : firstFailure(scheduler.errors);
  emit({ type: 'run:finish', runId, at: Date.now(), state, error: state === 'succeeded' ? undefined : error });
  return state;
}

/** The caller's signal joined with the run's own timeout. */
function runSignal(external: AbortSignal | undefined, timeoutMs: number | undefined) {
  if (timeoutMs === undefined) return { signal: external ?? new AbortController().signal, dispose: () => {}, timedOut: () => false };
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new PipewrightError('E_RUN_003', `the run exceeded its timeout of ${timeoutMs} ms and was cancelled`)), timeoutMs);
  const signal = external ? AbortSignal.any([external, timeout.signal]) : timeout.signal;
  return { signal, dispose: () => clearTimeout(timer), timedOut: () => timeout.signal.aborted };
}

function firstFailure(errors: Map<string, ErrorInfo>): ErrorInfo | undefined {
  const [first] = errors;
  if (!first) return undefined;
  const [nodeId, error] = first;
  return { code: error.code, message: `node ${nodeId} failed: ${error.message}${errors.size > 1 ? ` (and ${errors.size - 1} more)` : ''}` };
}
