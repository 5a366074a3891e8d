import { type LogLevel, type PipelineNode, type RunEvent } from '../contract';
import type { NodeDefinition } from '../nodes/define-node';
import type { NodeRegistry } from '../nodes/registry';
import { withAttempts } from './attempts';
import type { OutputCache } from './cache';
import { mapItems } from './map-items';
import { resolveNodeParams, runNode, type NodeCallEnv } from './run-node';

/** Everything the nodes of one run share. */
export interface RunContext extends NodeCallEnv {
  runId: string;
  registry: NodeRegistry;
  signal: AbortSignal;
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
export function executeNode(run: RunContext, node: PipelineNode, inputs: Record<string, unknown>): Promise<NodeResult> {
  const definition = run.registry.get(node.type)!;
  let params: NodeCallParams;
  try {
    params = resolveNodeParams(node, definition, run.runParams);
  } catch (error) {
    return Promise.reject(error);
  }
  // Most nodes are neither cached nor mapped: one attempt, and no extra await on the way.
  if (!(node.cache && run.cache) && !node.mapOver) return attempt(run, node, definition, params, inputs).then(fresh);
  return cachedOrMapped(run, node, definition, params, inputs);
}

const fresh = (outputs: Record<string, unknown>): NodeResult => ({ outputs, cached: false });

async function cachedOrMapped(run: RunContext, node: PipelineNode, definition: NodeDefinition, params: NodeCallParams, inputs: Record<string, unknown>): Promise<NodeResult> {
  const key = node.cache && run.cache ? await run.fingerprint(node.id) : undefined;
  if (key) {
    const hit = await run.cache!.get(key);
    if (hit) return { outputs: hit, cached: true };
  }
  const outputs = node.mapOver
    ? await mapItems(run, node, definition, params, inputs)
    : await attempt(run, node, definition, params, inputs);
  return { outputs: key ? await run.cache!.put(key, outputs, run.data, run.signal) : outputs, cached: false };
}

function attempt(run: RunContext, node: PipelineNode, definition: NodeDefinition, params: NodeCallParams, inputs: Record<string, unknown>) {
  const nodeId = node.id;
  let current = 1;
  const log = (message: string, level: LogLevel) => run.emit({ type: 'node:log', runId: run.runId, at: Date.now(), nodeId, attempt: current, level, message });
  return withAttempts(
    node,
    run.signal,
    {
      onStart: (n) => {
        current = n;
        run.emit({ type: 'node:state', runId: run.runId, at: Date.now(), nodeId, state: 'running', attempt: n });
      },
      onRetry: (n, error, delayMs) => {
        log(`attempt ${n} failed: ${error.message}; retrying in ${delayMs} ms`, 'warn');
        run.emit({ type: 'node:state', runId: run.runId, at: Date.now(), nodeId, state: 'retrying', attempt: n, error });
      },
    },
    (signal, n) => runNode(run, { node, definition, params, inputs, signal, attempt: n, log }),
  );
}

export type NodeCallParams = Parameters<typeof runNode>[1]['params'];

