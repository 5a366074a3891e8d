import os from 'node:os';
import { toErrorInfo, type NodeState, type PipelineFile, type RunEvent, type RunState } from '../contract';
import { DuckDbSession } from '../data/duckdb-session';
import { isTable } from '../data/table';
import { topologicalOrder } from '../model/graph';
import type { NodeRegistry } from '../nodes/registry';
import type { HostApi } from './host';
import { runNode } from './run-node';

export interface RunOptions {
  runId: string;
  registry: NodeRegistry;
  host: HostApi;
  onEvent(event: RunEvent): void;
  signal?: AbortSignal;
  /** Nodes running at once; defaults to the number of CPUs. */
  concurrency?: number;
  previewRows?: number;
}

const terminal = new Set<NodeState>(['succeeded', 'failed', 'skipped', 'cancelled']);

/**
 * Runs a validated pipeline: a ready queue over the DAG, independent nodes in
 * parallel, every state change and log line emitted as an event.
 */
export async function runPipeline(pipeline: PipelineFile, options: RunOptions): Promise<RunState> {
  const { runId, registry, host, onEvent } = options;
  const signal = options.signal ?? new AbortController().signal;
  const concurrency = Math.max(1, options.concurrency ?? os.availableParallelism());
  const states = new Map<string, NodeState>(pipeline.nodes.map((n) => [n.id, 'pending']));
  const outputs = new Map<string, Record<string, unknown>>();
  const running = new Set<Promise<void>>();
  const emit = (event: RunEvent) => onEvent(event);
  const setState = (nodeId: string, state: NodeState, extra: Partial<RunEvent & { type: 'node:state' }> = {}) => {
    states.set(nodeId, state);
    emit({ type: 'node:state', runId, at: Date.now(), nodeId, state, ...extra });
  };

  emit({ type: 'run:start', runId, at: Date.now(), pipelineId: pipeline.id, nodeIds: pipeline.nodes.map((n) => n.id) });
  const data = await DuckDbSession.open();

  const startNode = (nodeId: string) => {
    const node = pipeline.nodes.find((n) => n.id === nodeId)!;
    const definition = registry.get(node.type)!;
    const inputs: Record<string, unknown> = {};
    for (const edge of pipeline.edges.filter((e) => e.to.node === nodeId)) {
      inputs[edge.to.port] = outputs.get(edge.from.node)?.[edge.from.port];
    }
    setState(nodeId, 'running', { attempt: 1 });
    const log = (message: string, level: 'debug' | 'info' | 'warn' | 'error') =>
      emit({ type: 'node:log', runId, at: Date.now(), nodeId, level, message });
    const task = runNode({ node, definition, inputs, signal, data, host, log })
      .then(async (result) => {
        outputs.set(nodeId, result);
        await emitPreviews(nodeId, result);
        setState(nodeId, 'succeeded');
      })
      .catch((error: unknown) => {
        if (signal.aborted) return setState(nodeId, 'cancelled', { reason: 'the run was cancelled' });
        const info = toErrorInfo(error);
        log(info.message, 'error');
        setState(nodeId, 'failed', { error: info });
      })
      .finally(() => running.delete(task));
    running.add(task);
  };

  const emitPreviews = async (nodeId: string, result: Record<string, unknown>) => {
    for (const [port, value] of Object.entries(result)) {
      if (!isTable(value)) continue;
      const preview = await data.preview(value, options.previewRows ?? 50, signal);
      emit({ type: 'node:preview', runId, at: Date.now(), nodeId, port, ...preview });
    }
  };

  const { order } = topologicalOrder(pipeline);
  const upstream = new Map(pipeline.nodes.map((n) => [n.id, pipeline.edges.filter((e) => e.to.node === n.id).map((e) => e.from.node)]));
  try {
    for (;;) {
      if (signal.aborted) {
        for (const [id, state] of states) if (state === 'pending') setState(id, 'cancelled', { reason: 'the run was cancelled' });
      }
      // Topological order, so a skip cascades to every downstream node in one pass.
      for (const id of order) {
        if (states.get(id) !== 'pending') continue;
        const ups = upstream.get(id) ?? [];
        if (!ups.every((u) => terminal.has(states.get(u)!))) continue;
        const blocker = ups.find((u) => states.get(u) !== 'succeeded');
        if (blocker) setState(id, 'skipped', { reason: `upstream node ${blocker} ${states.get(blocker)}` });
        else if (running.size < concurrency) startNode(id);
      }
      if (running.size === 0) break;
      await Promise.race(running);
    }
  } finally {
    data.close();
  }

  const finalStates = [...states.values()];
  const state: RunState = signal.aborted ? 'cancelled' : finalStates.some((s) => s === 'failed') ? 'failed' : 'succeeded';
  emit({ type: 'run:finish', runId, at: Date.now(), state });
  return state;
}
