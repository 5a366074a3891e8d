import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { LogLevel, ParamValue, PipelineNode } from '../../../../node-library/contract';
import { DuckDbSession } from '../../../../node-library/data/duckdb-session';
import type { TableValue } from '../../../../node-library/data/table';
import { localHost } from '../../../../node-library/engine/host';
import { resolveNodeParams } from '../../../../node-library/engine/run-node';
import type { NodeDefinition } from '../../../../node-library/nodes/define-node';
import { repoRoot, tempDir } from '../../helpers';

/** The CSV files of test/fixtures/csv. */
export const csvFixtures = path.join(repoRoot, 'test/fixtures/csv');

export interface RunExtra {
  runParams?: Record<string, ParamValue>;
  secrets?: Record<string, string>;
  signal?: AbortSignal;
  nodeId?: string;
  /** As the engine gives a lazy source: the conditions of the filters that read it. */
  readerConditions?: string[];
}

export interface SourceHarness {
  data: DuckDbSession;
  /** The pipeline folder: relative paths resolve here. */
  dir: string;
  logs: { level: LogLevel; message: string }[];
  /** Calls run() with params resolved and checked exactly as the engine does. */
  run(definition: unknown, params: Record<string, unknown>, inputs?: Record<string, unknown>, extra?: RunExtra): Promise<Record<string, unknown>>;
  /** Every row of a table output, with its columns as `name:TYPE`. */
  rows(value: unknown): Promise<{ columns: string[]; rows: unknown[][] }>;
}

/** A fresh DuckDB session and pipeline folder per test, closed after it. */
export function sourceHarness(): SourceHarness {
  const h = { logs: [] } as unknown as SourceHarness;
  beforeEach(async () => {
    h.data = new DuckDbSession();
    h.dir = await tempDir();
    h.logs = [];
  });
  afterEach(() => h.data.close());
  h.run = async (definition, params, inputs = {}, extra = {}) => {
    const def = definition as NodeDefinition;
    const nodeId = extra.nodeId ?? 'node_1';
    const node = { id: nodeId, type: def.type, version: def.version, params } as PipelineNode;
    const runParams = extra.runParams ?? {};
    return def.run({
      nodeId,
      node,
      params: resolveNodeParams(node, def, runParams),
      inputs,
      runParams,
      attempt: 1,
      state: { get: () => undefined, set: () => {} },
      signal: extra.signal ?? new AbortController().signal,
      log: (message, level = 'info') => h.logs.push({ level, message }),
      data: h.data,
      host: localHost(h.dir, (name) => extra.secrets?.[name]),
      readerConditions: extra.readerConditions,
    });
  };
  h.rows = async (value) => {
    const { columns, rows } = await h.data.query((value as TableValue).sql);
    return { columns: columns.map((c) => `${c.name}:${c.type}`), rows };
  };
  return h;
}
