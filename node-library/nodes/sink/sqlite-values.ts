import type { DuckDBBlobValue, DuckDBValueConverter } from '@duckdb/node-api';
import { loadedDuckDb } from '../../data/duckdb-module';
import { jsonSafe } from '../../data/duckdb-values';
import { sqlIdent } from '../../data/table';

export type SqliteValue = number | bigint | string | Buffer | null;

const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** The SQLite column type for a DuckDB type: INTEGER, REAL, BLOB, or TEXT (dates as ISO text, nested values as JSON). */
export function sqliteType(duckDbType: string): string {
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|BOOLEAN)$/.test(duckDbType)) return 'INTEGER';
  if (/^(FLOAT|DOUBLE)$/.test(duckDbType) || duckDbType.startsWith('DECIMAL')) return 'REAL';
  if (duckDbType === 'BLOB') return 'BLOB';
  return 'TEXT';
}

/** DuckDB values as better-sqlite3 binds them: booleans 0/1, 64-bit integers exactly, decimals as doubles, blobs as Buffers, the rest as JSON-safe text. */
export const sqliteValue: DuckDBValueConverter<SqliteValue> = (value, type) => {
  if (value === null || value === undefined) return null;
  const { DuckDBTypeId } = loadedDuckDb();
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return value ? 1 : 0;
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT: {
      const n = value as bigint;
      if (Number.isSafeInteger(Number(n))) return Number(n);
      return n >= int64.min && n <= int64.max ? n : n.toString();
    }
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return String(value);
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return Number.isNaN(value) ? null : (value as number);
    case DuckDBTypeId.DECIMAL:
      return Number(String(value));
    case DuckDBTypeId.BLOB:
      return Buffer.from((value as DuckDBBlobValue).bytes);
    default: {
      const json = jsonSafe(value, type, jsonSafe);
      return typeof json === 'object' && json !== null ? JSON.stringify(json) : typeof json === 'boolean' ? Number(json) : json;
    }
  }
};

/** A quoted SQLite identifier. SQLite takes the same double-quote syntax as DuckDB. */
export const sqliteIdent = sqlIdent;
