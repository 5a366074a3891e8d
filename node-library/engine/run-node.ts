import { PipewrightError, type LogLevel, type PipelineNode } from '../contract';
import type { DuckDbSession } from '../data/duckdb-session';
import type { NodeDefinition } from '../nodes/define-node';
import { paramsSchema, type ParamValues } from '../nodes/params';
import type { HostApi } from './host';

export interface RunNodeInput {
  node: PipelineNode;
  definition: NodeDefinition;
  inputs: Record<string, unknown>;
  signal: AbortSignal;
  data: DuckDbSession;
  host: HostApi;
  log(message: string, level: LogLevel): void;
}

/** Validates a node's params, runs it once, and checks it produced every output port. */
export async function runNode({ node, definition, inputs, signal, data, host, log }: RunNodeInput): Promise<Record<string, unknown>> {
  const params = paramsSchema(definition.params).parse(node.params) as ParamValues<typeof definition.params>;
  const outputs = await definition.run({
    nodeId: node.id,
    params,
    inputs,
    signal,
    data,
    host,
    log: (message, level = 'info') => log(message, level),
  });
  signal.throwIfAborted();
  for (const port of definition.outputs) {
    if (outputs[port.id] === undefined) throw new PipewrightError('E_NODE_001', `node ${node.id} returned no value for output ${port.id}`);
  }
  return outputs;
}
