import { nodePorts, PipewrightError, type Dependencies, type LogLevel, type ParamValue, type PipelineNode } from '../contract';
import type { DuckDbSession } from '../data/duckdb-session';
import type { NodeDefinition, PipelineState } from '../nodes/define-node';
import { paramsSchema, type ParamValues } from '../nodes/params';
import { substituteParams } from '../model/params';
import type { HostApi } from './host';

/** What every call of a node's run() shares within one run. */
export interface NodeCallEnv {
  runParams: Record<string, ParamValue>;
  data: DuckDbSession;
  host: HostApi;
  state: PipelineState;
  /** The npm packages the pipeline declares (its `dependencies`). */
  dependencies: Dependencies;
  /** No previews in this run: sources may stay lazy (see NodeContext.fuse). */
  fuse?: boolean;
  /** The row conditions of the views reading a lazy source (see NodeContext.readerConditions). */
  readerConditions?(nodeId: string): string[];
}

export interface NodeCall {
  node: PipelineNode;
  definition: NodeDefinition;
  params: ParamValues<NodeDefinition['params']>;
  inputs: Record<string, unknown>;
  signal: AbortSignal;
  attempt: number;
  item?: number;
  log(message: string, level: LogLevel): void;
}

/** A node's params with `$param` references replaced and defaults filled in. */
export function resolveNodeParams(node: PipelineNode, definition: NodeDefinition, runParams: Record<string, ParamValue>): ParamValues<NodeDefinition['params']> {
  // Hot path for nodes without params (no-op, join points): nothing to substitute or check.
  if (isEmpty(node.params) && isEmpty(definition.params)) return {};
  const parsed = paramsSchema(definition.params).safeParse(substituteParams(node.params, runParams));
  if (parsed.success) return parsed.data as ParamValues<NodeDefinition['params']>;
  const issue = parsed.error.issues[0];
  throw new PipewrightError('E_NODE_001', `node ${node.id}, param ${issue.path.join('.')}: ${issue.message}`);
}

/** Calls run() once and checks it produced every output port. */
export async function runNode(env: NodeCallEnv, call: NodeCall): Promise<Record<string, unknown>> {
  const { node, definition } = call;
  const outputs = await definition.run({
    nodeId: node.id,
    node,
    params: call.params,
    inputs: call.inputs,
    runParams: env.runParams,
    signal: call.signal,
    attempt: call.attempt,
    item: call.item,
    log: (message, level = 'info') => call.log(message, level),
    state: env.state,
    data: env.data,
    host: env.host,
    dependencies: env.dependencies,
    fuse: env.fuse,
    readerConditions: definition.lazy ? env.readerConditions?.(node.id) : undefined,
  });
  call.signal.throwIfAborted();
  for (const port of nodePorts(node, definition).outputs) {
    if (outputs?.[port.id] === undefined) throw new PipewrightError('E_NODE_001', `node ${node.id} returned no value for output ${port.id}`);
  }
  return outputs;
}

function isEmpty(record: object): boolean {
  for (const _ in record) return false;
  return true;
}
