import type { Column, DuckDbSession } from '../../data/duckdb-session';
import { isTable, sqlIdent, sqlString, type TableValue } from '../../data/table';

/**
 * What the transform, quality and control nodes share: quoting, input and
 * column checks, and binding a query (without reading rows) so that a bad
 * param fails its own node with a message naming the param.
 */

export type SqlValue = string | number | boolean;

/** A SQL literal for a value from the pipeline file. */
export function sqlLiteral(value: SqlValue | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return sqlString(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
  return String(value);
}

/** A SQL expression the user wrote, parenthesised; the newline keeps a trailing -- comment from swallowing what follows. */
export function userExpr(text: string): string {
  return `(${text}\n)`;
}

/** An error about one param, worded so it can be shown next to the field. */
export function paramError(param: string, message: string, cause?: unknown): Error {
  return new Error(`param ${param}: ${message}`, cause === undefined ? undefined : { cause });
}

/** The table on an input port, or a clear error when the port got something else. */
export function tableInput(inputs: Record<string, unknown>, port = 'in'): TableValue {
  const value = inputs[port];
  if (isTable(value)) return value;
  throw new Error(value === undefined || value === null ? `input ${port} received nothing; connect a table to it` : `input ${port} needs a table, got ${typeof value}`);
}

/** DuckDB's message without the echo of the generated SQL, which the user never wrote. */
export function duckDbMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\n\s*\nLINE \d+:/)[0].trim();
}

/** Binds a query without reading its rows and returns its columns; DuckDB's error comes back naming `param`. */
export async function bindColumns(data: DuckDbSession, value: TableValue, signal: AbortSignal, param?: string): Promise<Column[]> {
  try {
    const { rows } = await data.query(`DESCRIBE ${value.sql}`, signal);
    return rows.map((row) => ({ name: String(row[0]), type: String(row[1]) }));
  } catch (error) {
    if (signal.aborted) throw error;
    const message = duckDbMessage(error);
    throw param ? paramError(param, message, error) : new Error(message, { cause: error });
  }
}

/**
 * `sum(column)` that stays BIGINT for integer columns: DuckDB's HUGEINT sum
 * becomes DOUBLE in Parquet, REAL in SQLite and a string in previews. A sum
 * beyond BIGINT fails with an out-of-range error rather than losing digits.
 */
export function sumSql(column: string, type: string | undefined): string {
  const sum = `sum(${sqlIdent(column)})`;
  return type !== undefined && /^U?(TINYINT|SMALLINT|INTEGER)$|^BIGINT$/.test(type) ? `CAST(${sum} AS BIGINT)` : sum;
}

/** Checks that every name is a column of the input, naming the param and listing the columns there are. */
export function requireColumns(columns: Column[], names: Iterable<string>, param: string): void {
  const known = new Set(columns.map((c) => c.name));
  for (const name of names) {
    if (!known.has(name)) throw paramError(param, `no column ${JSON.stringify(name)} in the input; its columns are ${columns.map((c) => c.name).join(', ')}`);
  }
}

/** Rejects a list that names the same thing twice. */
export function requireDistinct(names: string[], param: string, what = 'column'): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw paramError(param, `${what} ${JSON.stringify(name)} is listed twice`);
    seen.add(name);
  }
}

/**
 * Replaces each `$name` in SQL text with the literal of `values[name]`,
 * outside string literals, quoted identifiers and comments. Bind a run parameter with
 * `{ "name": { "$param": "country" } }` so the engine resolves (and caches on) it.
 */
export function bindValues(sql: string, values: Record<string, SqlValue>, param: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "'" || ch === '"' || sql.startsWith('--', i) || sql.startsWith('/*', i)) {
      const end = skipQuoted(sql, i);
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    const name = ch === '$' ? /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))?.[0] : undefined;
    // `$tag$` starts a dollar-quoted string; leave it to DuckDB.
    if (name === undefined || sql[i + 1 + name.length] === '$') {
      out += ch;
      i++;
      continue;
    }
    if (!(name in values)) {
      const known = Object.keys(values);
      throw paramError(param, `$${name} has no value; ${known.length ? `the values are ${known.map((k) => `$${k}`).join(', ')}` : 'add it under values'}`);
    }
    out += sqlLiteral(values[name]);
    i += 1 + name.length;
  }
  return out;
}

/** The index after a quoted string or name (doubled quotes inside) or a comment starting at `start`. */
function skipQuoted(sql: string, start: number): number {
  if (sql.startsWith('--', start)) return sql.includes('\n', start) ? sql.indexOf('\n', start) : sql.length;
  if (sql.startsWith('/*', start)) return sql.includes('*/', start + 2) ? sql.indexOf('*/', start + 2) + 2 : sql.length;
  const quote = sql[start];
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote && sql[i + 1] === quote) i += 2;
    else if (sql[i] === quote) return i + 1;
    else i++;
  }
  return sql.length;
}
