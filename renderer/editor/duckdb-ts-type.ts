/**
 * The TypeScript type of a value a code node's runner sees for a DuckDB
 * column type. Tables reach the runner as Arrow (apache-arrow 21), so this
 * follows what Arrow's row objects hold:
 * - 64-bit and wider integers (BIGINT, UBIGINT, HUGEINT, UHUGEINT) are
 *   `bigint`: Arrow gives bigint for Int64, and a number would lose digits;
 * - DATE, TIMESTAMP (any precision, with or without time zone) are `number`,
 *   milliseconds since the epoch, which is what Arrow gives for dates and
 *   timestamps; TIME and INTERVAL are numbers too;
 * - DECIMAL is `number` (the runner hands decimals over as doubles);
 * - lists are arrays, structs and maps plain objects, unknown types `unknown`.
 * Nullability is not in a preview's schema, so every column is `T | null`
 * (see code-declaration.ts for how the editor checks nulls).
 */
export function duckDbTsType(duckDbType: string): string {
  const type = duckDbType.trim().toUpperCase();
  const list = /^(.*)\[\d*\]$/.exec(type);
  if (list) return `Array<${duckDbTsType(list[1])}>`;
  if (/^(STRUCT|MAP|UNION)\b/.test(type)) return 'Record<string, unknown>';
  const base = type.replace(/\(.*\)$/, '').trim();
  if (bigints.has(base)) return 'bigint';
  if (numbers.has(base) || base.startsWith('DECIMAL') || base.startsWith('NUMERIC')) return 'number';
  if (base.startsWith('TIMESTAMP') || base.startsWith('TIME') || base === 'DATE' || base === 'INTERVAL') return 'number';
  if (strings.has(base) || base.startsWith('ENUM')) return 'string';
  if (base === 'BOOLEAN' || base === 'BOOL') return 'boolean';
  if (base === 'BLOB' || base === 'BYTEA' || base === 'BIT') return 'Uint8Array';
  return 'unknown';
}

const bigints = new Set(['BIGINT', 'INT8', 'LONG', 'UBIGINT', 'HUGEINT', 'UHUGEINT', 'INT128']);
const numbers = new Set(['TINYINT', 'INT1', 'SMALLINT', 'INT2', 'SHORT', 'INTEGER', 'INT4', 'INT', 'SIGNED', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'FLOAT', 'FLOAT4', 'REAL', 'DOUBLE', 'FLOAT8']);
const strings = new Set(['VARCHAR', 'TEXT', 'STRING', 'CHAR', 'BPCHAR', 'UUID', 'JSON']);
