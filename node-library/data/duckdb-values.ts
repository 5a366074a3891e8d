import type { DuckDBValueConverter, Json } from '@duckdb/node-api';
import { loadedDuckDb } from './duckdb-module';
import { safeInteger } from './json-text';

export { safeInteger, toJsonText } from './json-text';

/** A JSON value a preview, an event or an HTTP body can carry as it is. */
export type JsonSafe = Json;

/** A decimal as a number when a double holds all its digits (15 significant), else as its text. */
function safeDecimal(text: string): number | string {
  const digits = text.replace(/[-+.]/g, '').replace(/^0+/, '');
  return digits.length <= 15 ? Number(text) : text;
}

/**
 * DuckDB values to JSON: integers as numbers when exact, else strings; dates
 * and timestamps as ISO 8601 strings; NaN and infinities as strings; times,
 * intervals, UUIDs and blobs as DuckDB prints them; lists, structs and maps
 * recursively. Decimals as DuckDB prints them ("4.00": exact, scale kept), or
 * with `decimals: 'number'` as numbers when a double holds all their digits.
 */
export function jsonConverter(options: { decimals: 'text' | 'number' }): DuckDBValueConverter<Json> {
  return (value, type, converter) => {
    if (value === null || value === undefined) return null;
    const { DuckDBTypeId, JsonDuckDBValueConverter } = loadedDuckDb();
    switch (type.typeId) {
      case DuckDBTypeId.BIGINT:
      case DuckDBTypeId.UBIGINT:
      case DuckDBTypeId.HUGEINT:
      case DuckDBTypeId.UHUGEINT:
      case DuckDBTypeId.BIGNUM:
        return safeInteger(value as bigint);
      case DuckDBTypeId.FLOAT:
      case DuckDBTypeId.DOUBLE:
        return Number.isFinite(value) ? (value as number) : String(value);
      case DuckDBTypeId.DECIMAL:
        return options.decimals === 'number' ? safeDecimal(String(value)) : String(value);
      case DuckDBTypeId.DATE:
        return String(value);
      case DuckDBTypeId.TIMESTAMP:
      case DuckDBTypeId.TIMESTAMP_S:
      case DuckDBTypeId.TIMESTAMP_MS:
      case DuckDBTypeId.TIMESTAMP_NS:
        return String(value).replace(' ', 'T');
      case DuckDBTypeId.TIMESTAMP_TZ:
        // DuckDB prints these in UTC: "2024-02-03 02:05:06+00".
        return String(value).replace(' ', 'T').replace(/\+00$/, 'Z');
      case DuckDBTypeId.TIME:
      case DuckDBTypeId.TIME_TZ:
      case DuckDBTypeId.TIME_NS:
      case DuckDBTypeId.INTERVAL:
      case DuckDBTypeId.UUID:
      case DuckDBTypeId.BLOB:
      case DuckDBTypeId.BIT:
        return String(value);
      default:
        return JsonDuckDBValueConverter(value, type, converter);
    }
  };
}

/** For previews and query results: decimals keep their scale as text. */
export const jsonSafe = jsonConverter({ decimals: 'text' });
/** For rows sent elsewhere as JSON (HTTP bodies): decimals as numbers when exact. */
export const jsonRow = jsonConverter({ decimals: 'number' });

