import type { DuckDBConnection, DuckDBInstance, DuckDBValueConverter } from '@duckdb/node-api';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDuckDb } from './duckdb-module';
import { jsonSafe, type JsonSafe } from './duckdb-values';
import { runDatabaseName, sharedDuckDb } from './shared-duckdb';
import { rowsWhere, sqlIdent, sqlString, tableRef, type TableValue } from './table';
import { recordTooLarge } from './record-limits';

export interface Column {
  name: string;
  /** DuckDB's name for the type: BIGINT, VARCHAR, DECIMAL(10,2), STRUCT(...)... */
  type: string;
}

export interface TablePreview {
  columns: Column[];
  rows: JsonSafe[][];
  totalRows: number;
}

export interface SessionOptions {
  /**
   * Where tables live. `memory` (the default): in RAM, spilled to disk once
   * they outgrow the memory limit. `file`: in a database file in the run's
   * temp folder; about 3x slower to store a table (measured on 1M rows), for
   * hosts that want the data on disk from the start.
   */
  storage?: 'memory' | 'file';
  /** DuckDB worker threads; defaults to the number of CPUs. Set: the session opens an instance of its own. */
  threads?: number;
  /** The memory DuckDB may use before it spills to disk, e.g. `4GB`; defaults to defaultMemoryLimit(). Set: an instance of its own. */
  memoryLimit?: string;
}

/**
 * PIPEWRIGHT_DUCKDB_MEMORY when set, else 512 MB (less on a machine with under 1 GB): enough for
 * DuckDB to stream and spill, and several runs at once cannot overcommit the RAM. Measured on a
 * 1.1 GB, 10M-row CSV read -> filter -> write: peak RSS 0.78 GB at 512 MB against 2.0 GB at half
 * of 24 GB, and twice as fast, since fewer pages are touched.
 */
export function defaultMemoryLimit(): string {
  return process.env.PIPEWRIGHT_DUCKDB_MEMORY || `${Math.max(128, Math.min(512, Math.floor(os.totalmem() / 2 / 2 ** 20)))}MB`;
}

/**
 * Loads and opens the process's shared DuckDB instance ahead of the first run
 * (the app and serve mode, once started), which then skips loading DuckDB
 * (about 100 ms of main thread) and opening it (about 35 ms). Never fails:
 * a run that needs DuckDB reports its own error.
 */
export async function warmDuckDb(): Promise<void> {
  await sharedDuckDb(defaultMemoryLimit()).catch(() => undefined);
}

const referenceSql = /^SELECT \* FROM "((?:[^"]|"")+)"$/;

/** A session's database: attached to the shared instance, or (threads or a memory limit of its own) an instance of its own. */
interface Opened {
  instance: DuckDBInstance;
  /** The attached database every connection of the session uses; none in an instance of its own. */
  database?: string;
}

/**
 * One DuckDB database per run; every table port of the run lives in it.
 * Attached to the process's shared instance (shared-duckdb.ts), in memory or
 * in a file in the run's temp folder (os.tmpdir()/pipewright-run-*); detached
 * and the folder removed on close. Sessions with threads or a memory limit
 * of their own open an instance of their own, which spills to that folder.
 * Opened on first use, so runs without tabular nodes never pay for it. Each
 * query gets its own connection so parallel nodes never interrupt or wait on
 * each other's statements.
 */
export class DuckDbSession {
  private opened?: Promise<Opened>;
  private folder?: Promise<string>;
  private files = 0;
  /** Stored tables, with the query each was made from (its upstream tables inlined) or undefined for loaded rows. */
  private readonly stored = new Map<string, string | undefined>();
  /**
   * Row counts known from storing, checking or counting a value, by stored
   * table name or, for a lazy value, its SQL: a preview needs no count(*) then.
   */
  private readonly counts = new Map<string, number>();
  /** Stored tables no statement has touched since they were made: their rows are rowids 0..n-1, in order. */
  private readonly whole = new Set<string>();

  constructor(private readonly options: SessionOptions = {}) {}

  /** How many threads DuckDB scans with: file readers size their buffers by it. */
  get threads(): number {
    return this.options.threads ?? os.availableParallelism();
  }

  /** Runs one statement; returns the rows it changed (for COPY: the rows written). */
  async execute(sql: string, signal?: AbortSignal): Promise<number> {
    // Any statement may change a stored table.
    this.counts.clear();
    this.whole.clear();
    return this.withConnection(signal, async (c) => (await c.run(sql)).rowsChanged);
  }

  /** Runs a query and returns its rows as JSON-safe values. For small results: everything is read into memory. */
  async query(sql: string, signal?: AbortSignal): Promise<{ columns: Column[]; rows: JsonSafe[][] }> {
    return this.withConnection(signal, async (c) => {
      const result = await c.run(sql);
      const types = result.columnTypes().map(String);
      const columns = result.columnNames().map((name, i) => ({ name, type: types[i] }));
      return { columns, rows: (await result.convertRows(jsonSafe)) as JsonSafe[][] };
    });
  }

  async count(value: TableValue, signal?: AbortSignal): Promise<number> {
    const key = this.countKey(value);
    const known = this.counts.get(key);
    if (known !== undefined) return known;
    const { rows } = await this.query(`SELECT count(*)::BIGINT FROM (${value.sql})`, signal);
    const count = Number(rows[0]?.[0] ?? 0);
    this.counts.set(key, count);
    return count;
  }

  /** Notes that `value` has as many rows as `from`, when that count is known (a projection of it): its preview then needs no count(*). */
  sameRowsAs(value: TableValue, from: TableValue): void {
    const count = this.knownCount(from);
    if (count !== undefined) this.counts.set(this.countKey(value), count);
  }

  /** The row count of a value when known from storing, checking or counting it; undefined rather than counting. */
  knownCount(value: TableValue): number | undefined {
    return this.counts.get(this.countKey(value));
  }

  /**
   * Reads every row of a lazy value converting each of `columns` (DuckDB's
   * count(*) alone skips the conversion, so a bad value would pass), and
   * returns the row count, kept for its previews. For a source that stays a
   * query: a bad row fails the source, not a node downstream. In the same
   * pass it counts the rows each of `conditions` keeps, kept for those
   * filters (`rowsWhere(value, condition)`); a condition DuckDB refuses is
   * left for its own node to report.
   */
  async check(value: TableValue, columns: Column[], signal?: AbortSignal, conditions: string[] = []): Promise<number> {
    const converted = columns.map((c) => `count(${sqlIdent(c.name)})`);
    const filtered = conditions.map((condition) => `count(*) FILTER (WHERE ${condition})::BIGINT`);
    let rows: JsonSafe[][];
    try {
      ({ rows } = await this.query(`SELECT ${['count(*)::BIGINT', ...converted, ...filtered].join(', ')} FROM (${value.sql})`, signal));
    } catch (error) {
      if (conditions.length === 0 || signal?.aborted) throw error;
      return this.check(value, columns, signal);
    }
    const count = Number(rows[0]?.[0] ?? 0);
    this.counts.set(this.countKey(value), count);
    conditions.forEach((condition, k) => this.counts.set(this.countKey(rowsWhere(value, condition)), Number(rows[0]?.[1 + columns.length + k] ?? 0)));
    return count;
  }

  /** The first `limit` rows (each value cut to previewCellChars), the schema and the row count, computed by DuckDB. */
  async preview(value: TableValue, limit: number, signal?: AbortSignal): Promise<TablePreview> {
    const n = Math.max(0, Math.floor(limit));
    // The first n rows of a table stored whole are rowids 0..n-1, in order. The filter spares LIMIT's
    // parallel sink: 1-1.7 ms a preview against 3-4.6 on the 2-core bench VM.
    const stored = this.storedName(value);
    const sql = stored !== undefined && this.whole.has(stored) ? `SELECT * FROM ${sqlIdent(stored)} WHERE rowid < ${n}` : `SELECT * FROM (${value.sql}) LIMIT ${n}`;
    const { columns, rows } = await this.query(sql, signal);
    const totalRows = rows.length < limit ? rows.length : await this.count(value, signal);
    return { columns, rows: rows.map((row) => row.map(previewCell)), totalRows };
  }

  /**
   * Stores a node's output as table `name` and returns the SQL that reads it.
   * A value that already reads a stored table is returned as it is.
   */
  async materialise(name: string, value: TableValue, signal?: AbortSignal): Promise<TableValue> {
    if (this.storedName(value) !== undefined) return value;
    const source = this.portable(value)?.sql;
    this.counts.delete(name);
    // CREATE TABLE AS answers with the number of rows it stored.
    const count = await this.withConnection(signal, async (c) => (await c.run(`CREATE OR REPLACE TABLE ${sqlIdent(name)} AS ${value.sql}`)).getRowsJS());
    this.stored.set(name, source);
    this.whole.add(name);
    this.counts.set(name, Number(count[0]?.[0] ?? 0));
    return tableRef(name);
  }

  /**
   * Creates table `name` with the given columns and fills it with `rows`
   * through `fill` (DuckDB's appender); for rows that come from outside DuckDB.
   * A fill that returns the number of rows it appended spares previews a count.
   */
  async load(name: string, columns: Column[], fill: (c: DuckDBConnection, table: string) => Promise<number | void>, signal?: AbortSignal): Promise<TableValue> {
    const defs = columns.map((c) => `${sqlIdent(c.name)} ${c.type}`).join(', ');
    this.counts.delete(name);
    const count = await this.withConnection(signal, async (c) => {
      await c.run(`CREATE OR REPLACE TABLE ${sqlIdent(name)} (${defs})`);
      return fill(c, name);
    });
    this.stored.set(name, undefined);
    this.whole.add(name);
    if (typeof count === 'number') this.counts.set(name, count);
    return tableRef(name);
  }

  /**
   * The value's SQL with every stored table it reads replaced by the query the
   * table was made from, so it means the same in another run's database (what
   * the run store keeps for resume). Undefined when it reads rows loaded from
   * outside DuckDB (SQLite, HTTP, inline): those exist only in this run.
   */
  portable(value: TableValue): TableValue | undefined {
    let sql = value.sql;
    for (const [name, source] of this.stored) {
      const reference = `SELECT * FROM ${sqlIdent(name)}`;
      if (source !== undefined) sql = sql.replaceAll(reference, `SELECT * FROM (${source})`);
      else if (sql.includes(reference)) return undefined;
    }
    return sql === value.sql ? value : { kind: 'table', sql };
  }

  /** Streams the rows of a value in batches of `size`, converted by `converter`, without reading the whole table into memory. */
  async *batches<T>(value: TableValue, size: number, signal?: AbortSignal, converter?: DuckDBValueConverter<T>): AsyncGenerator<{ columns: Column[]; rows: (T | null)[][] }> {
    signal?.throwIfAborted();
    const connection = await this.connect();
    const stopOnAbort = interruptOnAbort(connection, signal);
    try {
      const result = await connection.stream(value.sql);
      const types = result.columnTypes().map(String);
      const columns = result.columnNames().map((name, i) => ({ name, type: types[i] }));
      let rows: (T | null)[][] = [];
      for await (const chunk of result.yieldConvertedRows((converter ?? jsonSafe) as DuckDBValueConverter<T>)) {
        for (const row of chunk) rows.push(row);
        while (rows.length >= size) {
          yield { columns, rows: rows.slice(0, size) };
          rows = rows.slice(size);
        }
      }
      if (rows.length > 0) yield { columns, rows };
    } catch (error) {
      throw recordTooLarge(error) ?? error;
    } finally {
      stopOnAbort();
      connection.closeSync();
    }
  }

  /** A path in the run's temp folder for a node's scratch file; removed with the folder on close. */
  async tempFile(name: string): Promise<string> {
    return path.join(await this.dir(), `${++this.files}-${name.replace(/[^\w.-]/g, '_')}`);
  }

  /** Detaches (or closes) the database if it was ever opened and removes the run's temp folder. */
  async close(): Promise<void> {
    const opened = this.opened;
    const folder = this.folder;
    this.opened = undefined;
    this.folder = undefined;
    this.stored.clear();
    this.counts.clear();
    this.whole.clear();
    const open = await opened?.catch(() => undefined);
    if (open?.database) {
      const connection = await open.instance.connect();
      // Its tables and their memory go with it; a failure leaves them until the process ends, which is no reason to fail the run.
      await connection.run(`DETACH ${sqlIdent(open.database)}`).catch(() => undefined);
      connection.closeSync();
    } else open?.instance.closeSync();
    if (folder) await rm(await folder, { recursive: true, force: true });
  }

  /** Runs work on a fresh connection, interrupting DuckDB if the signal aborts. */
  async withConnection<T>(signal: AbortSignal | undefined, work: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    const connection = await this.connect();
    const stopOnAbort = interruptOnAbort(connection, signal);
    try {
      return await work(connection);
    } catch (error) {
      throw recordTooLarge(error) ?? error;
    } finally {
      stopOnAbort();
      connection.closeSync();
    }
  }

  /** A stored table's name, or a lazy value's SQL after a NUL, which no table name holds. */
  private countKey(value: TableValue): string {
    return this.storedName(value) ?? `\0${value.sql}`;
  }

  /** The stored table a value reads as a whole, if it does. */
  private storedName(value: TableValue): string | undefined {
    const name = referenceSql.exec(value.sql)?.[1]?.replaceAll('""', '"');
    return name !== undefined && this.stored.has(name) ? name : undefined;
  }

  private dir(): Promise<string> {
    this.folder ??= mkdtemp(path.join(os.tmpdir(), 'pipewright-run-'));
    return this.folder;
  }

  /** A new connection to the session's database. */
  private async connect(): Promise<DuckDBConnection> {
    const { instance, database } = await this.open();
    const connection = await instance.connect();
    if (database === undefined) return connection;
    try {
      await connection.run(`USE ${sqlIdent(database)}`);
      return connection;
    } catch (error) {
      connection.closeSync();
      throw error;
    }
  }

  private open(): Promise<Opened> {
    const own = this.options.threads !== undefined || this.options.memoryLimit !== undefined;
    this.opened ??= own ? this.openOwn() : this.attach();
    return this.opened;
  }

  private async attach(): Promise<Opened> {
    const instance = await sharedDuckDb(defaultMemoryLimit());
    const database = runDatabaseName();
    const target = this.options.storage === 'file' ? sqlString(path.join(await this.dir(), 'run.duckdb')) : "':memory:'";
    const connection = await instance.connect();
    try {
      await connection.run(`ATTACH ${target} AS ${sqlIdent(database)}`);
    } finally {
      connection.closeSync();
    }
    return { instance, database };
  }

  private async openOwn(): Promise<Opened> {
    const [dir, { DuckDBInstance }] = await Promise.all([this.dir(), loadDuckDb()]);
    const instance = await DuckDBInstance.create(this.options.storage === 'file' ? path.join(dir, 'run.duckdb') : ':memory:', {
      threads: String(this.threads),
      memory_limit: this.options.memoryLimit ?? defaultMemoryLimit(),
      temp_directory: path.join(dir, 'spill'),
    });
    return { instance };
  }
}

/** A preview shows this much of one value: a 20 MB text cell would otherwise travel with every preview. */
export const previewCellChars = 2_000;

/** The value, or when its text is longer than previewCellChars, its start and how long it is. */
function previewCell(cell: JsonSafe): JsonSafe {
  if (cell === null || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  const text = typeof cell === 'string' ? cell : JSON.stringify(cell);
  return text.length <= previewCellChars ? cell : `${text.slice(0, previewCellChars)}… (${text.length.toLocaleString('en')} characters)`;
}

/**
 * Interrupts the connection's query when the signal aborts, and again every
 * 50 ms until the work ends: DuckDB forgets an interrupt that arrives before
 * its query has started. Returns the function that stops listening.
 */
function interruptOnAbort(connection: DuckDBConnection, signal: AbortSignal | undefined): () => void {
  let timer: NodeJS.Timeout | undefined;
  const interrupt = () => {
    connection.interrupt();
    timer ??= setInterval(() => connection.interrupt(), 50);
  };
  if (signal?.aborted) interrupt();
  else signal?.addEventListener('abort', interrupt, { once: true });
  return () => {
    signal?.removeEventListener('abort', interrupt);
    clearInterval(timer);
  };
}
