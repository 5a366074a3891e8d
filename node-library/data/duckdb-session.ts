import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { TableValue } from './table';

export interface TablePreview {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  totalRows: number;
}

const integerTypes = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT']);

function safeNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/**
 * One DuckDB database per run; every table port of the run lives in it.
 * Opened on first use, so runs without tabular nodes never pay for it. Each
 * query gets its own connection so parallel nodes never interrupt or wait on
 * each other's statements.
 */
export class DuckDbSession {
  private instance?: Promise<DuckDBInstance>;

  async execute(sql: string, signal?: AbortSignal): Promise<void> {
    await this.withConnection(signal, (c) => c.run(sql));
  }

  async count(value: TableValue, signal?: AbortSignal): Promise<number> {
    const reader = await this.withConnection(signal, (c) => c.runAndReadAll(`SELECT count(*)::BIGINT FROM (${value.sql})`));
    return Number(reader.getRowsJson()[0]?.[0] ?? 0);
  }

  async preview(value: TableValue, limit: number, signal?: AbortSignal): Promise<TablePreview> {
    const reader = await this.withConnection(signal, (c) => c.runAndReadAll(`SELECT * FROM (${value.sql}) LIMIT ${limit}`));
    const types = reader.columnTypes().map(String);
    const integer = types.map((t) => integerTypes.has(t));
    // JSON rows carry 64-bit integers as strings; show the ones a double holds exactly as numbers.
    const rows = (reader.getRowsJson() as unknown[][]).map((row) => row.map((v, i) => (integer[i] ? safeNumber(v) : v)));
    return {
      columns: reader.columnNames().map((name, i) => ({ name, type: types[i] })),
      rows,
      totalRows: await this.count(value, signal),
    };
  }

  /** Closes the database if it was ever opened. */
  async close(): Promise<void> {
    const instance = this.instance;
    this.instance = undefined;
    if (instance) (await instance).closeSync();
  }

  /** Runs work on a fresh connection, interrupting DuckDB if the signal aborts. */
  private async withConnection<T>(signal: AbortSignal | undefined, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    this.instance ??= DuckDBInstance.create(':memory:');
    const connection = await (await this.instance).connect();
    const interrupt = () => connection.interrupt();
    signal?.addEventListener('abort', interrupt, { once: true });
    try {
      return await work(connection);
    } finally {
      signal?.removeEventListener('abort', interrupt);
      connection.closeSync();
    }
  }
}
