import type { LogLevel, NodeTypeInfo, PortInfo } from '../contract';
import type { DuckDbSession } from '../data/duckdb-session';
import type { HostApi } from '../engine/host';
import { paramInfos, type ParamSpecs, type ParamValues } from './params';

/** What a node's `run()` receives. The same in the app, the CLI and tests. */
export interface NodeContext<S extends ParamSpecs = ParamSpecs> {
  nodeId: string;
  params: ParamValues<S>;
  /** Values arriving on input ports, by port id. */
  inputs: Record<string, unknown>;
  signal: AbortSignal;
  log(message: string, level?: LogLevel): void;
  data: DuckDbSession;
  host: HostApi;
}

export interface NodeDefinition<S extends ParamSpecs = ParamSpecs> {
  type: string;
  version: number;
  title: string;
  category: string;
  description: string;
  inputs: PortInfo[];
  outputs: PortInfo[];
  params: S;
  /** Returns the values of its output ports, by port id. */
  run(ctx: NodeContext<S>): Promise<Record<string, unknown>>;
}

/** Identity with types: one plain object per node file. */
export function defineNode<S extends ParamSpecs>(definition: NodeDefinition<S>): NodeDefinition<S> {
  return definition;
}

export function nodeTypeInfo(definition: NodeDefinition): NodeTypeInfo {
  const { type, version, title, category, description, inputs, outputs } = definition;
  return { type, version, title, category, description, inputs, outputs, params: paramInfos(definition.params) };
}
