/**
 * The TypeScript type of a value a code node's runner sees for a DuckDB
 * column type. It follows how tables cross into runners (kindOfDuckType in
 * node-library/runner/column-batch.ts), checked against a real runner by
 * test/unit/runner/declared-types.test.ts:
 * - BOOLEAN is `boolean`;
 * - integers up to 32 bits, UINTEGER, BIGINT, FLOAT, DOUBLE and DECIMAL are
 *   `number` (a BIGINT beyond ±2^53 arrives as a bigint: mixing it with
 *   numbers then throws rather than losing digits);
 * - everything else crosses as text: VARCHAR, dates and timestamps (ISO
 *   text), UUID, HUGEINT and UBIGINT (digits), lists, structs and maps (JSON).
 * Nullability is not in a preview's schema, so every column is `T | null`
 * (see code-declaration.ts for how the editor checks nulls).
 */
export function duckDbTsType(duckDbType: string): 'boolean' | 'number' | 'string' {
  const type = duckDbType.trim().toUpperCase();
  if (/[\]]$|^(STRUCT|MAP|UNION)\b/.test(type)) return 'string';
  const base = type.replace(/\(.*\)$/, '').trim();
  if (base === 'BOOLEAN' || base === 'BOOL' || base === 'LOGICAL') return 'boolean';
  if (numbers.has(base) || base.startsWith('DECIMAL') || base.startsWith('NUMERIC')) return 'number';
  return 'string';
}

/** What a note in the declaration says about a column beyond its DuckDB type, if anything. */
export function duckDbTsNote(duckDbType: string): string | undefined {
  const type = duckDbType.trim().toUpperCase();
  if (['BIGINT', 'INT8', 'LONG'].includes(type)) return 'a bigint beyond ±2^53';
  if (/[\]]$|^(STRUCT|MAP|UNION)\b/.test(type)) return 'as JSON text';
  return undefined;
}

const numbers = new Set([
  'TINYINT', 'INT1', 'SMALLINT', 'INT2', 'SHORT', 'INTEGER', 'INT4', 'INT', 'SIGNED', 'UTINYINT', 'USMALLINT', 'UINTEGER',
  'BIGINT', 'INT8', 'LONG', 'FLOAT', 'FLOAT4', 'REAL', 'DOUBLE', 'FLOAT8',
]);
