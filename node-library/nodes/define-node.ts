import type { Dependencies, LogLevel, NodeTypeInfo, ParamValue, PipelineNode, PortInfo } from '../contract';
import type { DuckDbSession } from '../data/duckdb-session';
import type { HostApi } from '../engine/host';
import { paramInfos, type ParamSpecs, type ParamValues } from './params';

/** What a node's `run()` receives. The same in the app, the CLI and tests. */
export interface NodeContext<S extends ParamSpecs = ParamSpecs> {
  nodeId: string;
  /** The node as the pipeline file has it: code nodes read their `code`, declared `ports` and `secrets` here. */
  node: PipelineNode;
  params: ParamValues<S>;
  /** Values arriving on input ports, by port id. */
  inputs: Record<string, unknown>;
  /** The run's pipeline parameters, resolved and typed. */
  runParams: Record<string, ParamValue>;
  signal: AbortSignal;
  /** 1 for the first attempt, then 2, 3, ... on retries. */
  attempt: number;
  /** The index of the item when the node maps over a list. */
  item?: number;
  log(message: string, level?: LogLevel): void;
  /** Values kept per pipeline between runs, for incremental loads. */
  state: PipelineState;
  data: DuckDbSession;
  host: HostApi;
  /** The npm packages the pipeline declares: code nodes may import these (from host.packagesDir) besides Node's built-ins. */
  dependencies?: Dependencies;
  /**
   * Nobody previews this run's outputs (a headless run): a source may return
   * a lazy query instead of storing its rows, unchecked and uncounted, so a
   * chain of SQL nodes runs as one fused query in the node that finally needs rows.
   */
  fuse?: boolean;
  /**
   * For a lazy source with previews: the row conditions of the view nodes
   * that read it (see NodeDefinition.rowCondition), whose counts its pass
   * over the file can give as well.
   */
  readerConditions?: string[];
}

export interface PipelineState {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface NodeDefinition<S extends ParamSpecs = ParamSpecs> {
  type: string;
  version: number;
  title: string;
  category: string;
  description: string;
  inputs: PortInfo[];
  outputs: PortInfo[];
  /** The user declares this node's ports per node (code nodes); `inputs`/`outputs` are the defaults. */
  editablePorts?: boolean;
  params: S;
  /** Returns the values of its output ports, by port id. */
  run(ctx: NodeContext<S>): Promise<Record<string, unknown>>;
  /**
   * A deterministic row subset or projection of its input (filter, select): its
   * table output stays a view over the stored input instead of being stored
   * again, which saves a copy of the data. Never for SQL with random() or now().
   */
  view?: boolean;
  /**
   * A source whose table output is a query over a file that is quick to read
   * again (Parquet; CSV, its dialect and types pinned): it stays that query
   * even in a run with previews, read by each node that needs its rows, and
   * is stored only when several nodes read it. With previews its run checks
   * what could fail later (a CSV reads every row once, converting each
   * column), so a bad row fails the source. Storing 1M rows cost more time
   * and memory than reading the file twice more (measured on a 26 MB CSV).
   */
  lazy?: boolean;
  /**
   * For a view that keeps the rows where an SQL condition holds (filter): that
   * condition as its output has it (`rowsWhere`). A lazy source it reads then
   * counts those rows in its own pass over the file, which spares the view a
   * pass of its own for its count. May throw on bad params: no hint then.
   */
  rowCondition?(params: ParamValues<S>): string;
  /**
   * Called when a run that will run this node starts, before any node runs:
   * slow resources start early (code nodes warm a runner process meanwhile).
   * Must not throw or wait.
   */
  prepare?(node: PipelineNode, run: { dependencies: Dependencies; host: HostApi }): void;
  /** What outside the pipeline the output depends on (a file's size and time), for the cache key. */
  fingerprint?(params: ParamValues<S>, host: HostApi): Promise<string>;
}

/** Identity with types: one plain object per node file. */
export function defineNode<S extends ParamSpecs>(definition: NodeDefinition<S>): NodeDefinition<S> {
  return definition;
}

export function nodeTypeInfo(definition: NodeDefinition): NodeTypeInfo {
  const { type, version, title, category, description, inputs, outputs, editablePorts } = definition;
  return { type, version, title, category, description, inputs, outputs, params: paramInfos(definition.params), ...(editablePorts ? { editablePorts } : {}) };
}
