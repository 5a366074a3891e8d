import { nodePorts, PipewrightError, type LogLevel, type PipelineNode, type RunEvent } from '../contract';
import type { NodeDefinition } from '../nodes/define-node';
import type { NodeRegistry } from '../nodes/registry';
import { withAttempts } from './attempts';
import type { OutputCache } from './cache';
import { nodeErrorInfo } from './errors';
import { resolveNodeParams, runNode, type NodeCallEnv } from './run-node';

/** Everything the nodes of one run share. */
export interface RunContext extends NodeCallEnv {
  runId: string;
  registry: NodeRegistry;
  signal: AbortSignal;
  /** Rejects when the run is cancelled; raced against nodes that ignore their signal. */
  aborted: Promise<never>;
  concurrency: number;
  emit(event: RunEvent): void;
  cache?: OutputCache;
  /** The node's lineage hash: type, version, params, code, upstream lineage, external inputs. */
  fingerprint(nodeId: string): Promise<string>;
}

export interface NodeResult {
  outputs: Record<string, unknown>;
  cached: boolean;
}

/** Runs one node with its retries, timeout, cache and mapping; emits running/retrying states and logs. */
export async function executeNode(run: RunContext, node: PipelineNode, inputs: Record<string, unknown>): Promise<NodeResult> {
  const definition = run.registry.get(node.type)!;
  const params = resolveNodeParams(node, definition, run.runParams);
  const key = node.cache && run.cache ? await run.fingerprint(node.id) : undefined;
  if (key) {
    const hit = await run.cache!.get(key);
    if (hit) return { outputs: hit, cached: true };
  }
  const outputs = node.mapOver
    ? await mapItems(run, node, definition, params, inputs)
    : await attempt(run, node, definition, params, inputs, undefined);
  return { outputs: key ? await run.cache!.put(key, outputs, run.data, run.signal) : outputs, cached: false };
}

function attempt(run: RunContext, node: PipelineNode, definition: NodeDefinition, params: NodeCallParams, inputs: Record<string, unknown>, item: number | undefined) {
  const nodeId = node.id;
  let current = 1;
  const log = (message: string, level: LogLevel) => run.emit({ type: 'node:log', runId: run.runId, at: Date.now(), nodeId, item, attempt: current, level, message });
  return withAttempts(
    node,
    run.signal,
    run.aborted,
    {
      onStart: (n) => {
        current = n;
        run.emit({ type: 'node:state', runId: run.runId, at: Date.now(), nodeId, item, state: 'running', attempt: n });
      },
      onRetry: (n, error, delayMs) => {
        log(`attempt ${n} failed: ${error.message}; retrying in ${delayMs} ms`, 'warn');
        run.emit({ type: 'node:state', runId: run.runId, at: Date.now(), nodeId, item, state: 'retrying', attempt: n, error });
      },
    },
    (signal, n) => runNode(run, { node, definition, params, inputs, signal, attempt: n, item, log }),
  );
}

type NodeCallParams = Parameters<typeof runNode>[1]['params'];

/**
 * Runs the node once per item of its mapped input, up to the run's
 * concurrency at a time, each item with its own attempts, states and logs.
 * Outputs are lists in item order; the node fails if any item does.
 */
async function mapItems(run: RunContext, node: PipelineNode, definition: NodeDefinition, params: NodeCallParams, inputs: Record<string, unknown>) {
  const items = inputs[node.mapOver!];
  if (!Array.isArray(items)) {
    throw new PipewrightError('E_NODE_003', `node ${node.id} maps over input ${node.mapOver}, which received ${describe(items)}, not a list`);
  }
  run.emit({ type: 'node:state', runId: run.runId, at: Date.now(), nodeId: node.id, state: 'running', attempt: 1 });
  const results: Record<string, unknown>[] = new Array(items.length);
  const failures: { item: number; message: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && !run.signal.aborted) {
      const item = next++;
      try {
        results[item] = await attempt(run, node, definition, params, { ...inputs, [node.mapOver!]: items[item] }, item);
        run.emit({ type: 'node:state', runId: run.runId, at: Date.now(), nodeId: node.id, item, state: 'succeeded' });
      } catch (error) {
        if (run.signal.aborted) throw error;
        const info = nodeErrorInfo(error);
        failures.push({ item, message: info.message });
        run.emit({ type: 'node:state', runId: run.runId, at: Date.now(), nodeId: node.id, item, state: 'failed', error: info });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(run.concurrency, items.length) }, worker));
  run.signal.throwIfAborted();
  if (failures.length > 0) {
    const first = failures.reduce((a, b) => (b.item < a.item ? b : a));
    throw new PipewrightError('E_NODE_001', `${failures.length} of ${items.length} items failed; item ${first.item}: ${first.message}`);
  }
  return Object.fromEntries(nodePorts(node, definition).outputs.map((port) => [port.id, results.map((r) => r[port.id])]));
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'object' && (value as { kind?: unknown }).kind === 'table') return 'a table';
  return `a ${typeof value}`;
}
