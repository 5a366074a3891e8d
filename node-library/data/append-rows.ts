import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';

/** The column types rows from outside DuckDB are appended as; anything finer is a CAST in SQL afterwards. */
export type LoadType = 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'BOOLEAN' | 'BLOB';

export interface LoadColumn {
  name: string;
  type: LoadType;
}

type Append = (appender: DuckDBAppender, value: unknown) => boolean;

const appendBy: Record<LoadType, Append> = {
  BIGINT: (a, v) => {
    if (typeof v === 'bigint') a.appendBigInt(v);
    else if (typeof v === 'number' && Number.isSafeInteger(v)) a.appendBigInt(BigInt(v));
    else if (typeof v === 'boolean') a.appendBigInt(v ? 1n : 0n);
    else return false;
    return true;
  },
  DOUBLE: (a, v) => {
    if (typeof v === 'number') a.appendDouble(v);
    else if (typeof v === 'bigint') a.appendDouble(Number(v));
    else return false;
    return true;
  },
  BOOLEAN: (a, v) => {
    if (typeof v === 'boolean') a.appendBoolean(v);
    else if (v === 0 || v === 1 || v === 0n || v === 1n) a.appendBoolean(Boolean(v));
    else return false;
    return true;
  },
  BLOB: (a, v) => {
    if (v instanceof Uint8Array) a.appendBlob(v);
    else if (typeof v === 'string') a.appendBlob(Buffer.from(v));
    else return false;
    return true;
  },
  VARCHAR: (a, v) => {
    a.appendVarchar(asText(v));
    return true;
  },
};

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

function describe(value: unknown): string {
  if (value instanceof Uint8Array) return `a blob of ${value.length} bytes`;
  const text = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value) : String(value);
  return `${typeof value === 'string' ? 'text' : typeof value} ${text}`;
}

/**
 * The type for the values of one column: BIGINT when all are bigints, DOUBLE
 * when all are numbers (or numbers and bigints), BOOLEAN, BLOB, else VARCHAR.
 * A JS number is a double even when whole (SQLite's REAL 2.0 arrives as 2).
 */
export function typeOfValues(values: Iterable<unknown>, fallback: LoadType = 'VARCHAR'): LoadType {
  const kinds = new Set<LoadType>();
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'bigint') kinds.add('BIGINT');
    else if (typeof v === 'number') kinds.add('DOUBLE');
    else if (typeof v === 'boolean') kinds.add('BOOLEAN');
    else if (v instanceof Uint8Array) kinds.add('BLOB');
    else return 'VARCHAR';
  }
  if (kinds.size === 0) return fallback;
  if (kinds.size === 1) return [...kinds][0];
  return [...kinds].every((k) => k === 'BIGINT' || k === 'DOUBLE') ? 'DOUBLE' : 'VARCHAR';
}

/**
 * Appends rows (values in column order) to an existing table through DuckDB's
 * appender. A value that does not fit its column fails with the row number and
 * the column. Yields to the event loop every 10,000 rows, so a cancel is seen.
 */
export async function appendRows(connection: DuckDBConnection, table: string, columns: LoadColumn[], rows: Iterable<unknown[]> | AsyncIterable<unknown[]>, signal?: AbortSignal): Promise<number> {
  const appender = await connection.createAppender(table);
  const appends = columns.map((c) => appendBy[c.type]);
  let count = 0;
  try {
    for await (const row of rows) {
      count++;
      for (let i = 0; i < columns.length; i++) {
        const value = row[i];
        if (value === null || value === undefined) appender.appendNull();
        else if (!appends[i](appender, value)) {
          throw new Error(`row ${count}, column ${columns[i].name}: ${describe(value)} does not fit its type ${columns[i].type}, set from the values before it; CAST the column in the query`);
        }
      }
      appender.endRow();
      if (count % 10_000 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        signal?.throwIfAborted();
      }
    }
    appender.flushSync();
  } finally {
    try {
      appender.closeSync();
    } catch {
      // A half-appended row after an error: the table is replaced or dropped anyway.
    }
  }
  return count;
}

/** Column names made distinct (a, a_2) so they can name a DuckDB table's columns. */
export function distinctNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let unique = name || 'column';
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${name || 'column'}_${n}`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}
