// Column-at-a-time copies between DuckDB data chunks and Arrow data, on the raw
// vectors of @duckdb/node-bindings (the C API under @duckdb/node-api, pinned to
// the same version by it): fixed-width columns and validity masks are copied as
// bytes, strings as their UTF-8 bytes, never one JS value per cell.
import duckdb from '@duckdb/node-bindings';
import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBDecimalType, type DuckDBType } from '@duckdb/node-api';
import { jsonRow } from '../data/duckdb-values';
import { Bool, Float64, Int32, Int64, makeData, Utf8, type Data } from 'apache-arrow';
import { asText, encodeColumn, type ColumnKind } from './arrow-columns';

/** The Arrow kind a DuckDB column crosses as; anything without a fast path goes as text. */
export function kindOfDuckType(type: DuckDBType): ColumnKind {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return 'bool';
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return 'int32';
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
      return 'int64';
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return 'float64';
    case DuckDBTypeId.DECIMAL:
      return 'float64';
    default:
      return 'utf8';
  }
}

const fixedWidth: Partial<Record<DuckDBTypeId, { bytes: number; view: (b: ArrayBuffer, o: number, n: number) => ArrayLike<number | bigint> }>> = {
  [DuckDBTypeId.TINYINT]: { bytes: 1, view: (b, o, n) => new Int8Array(b, o, n) },
  [DuckDBTypeId.UTINYINT]: { bytes: 1, view: (b, o, n) => new Uint8Array(b, o, n) },
  [DuckDBTypeId.SMALLINT]: { bytes: 2, view: (b, o, n) => new Int16Array(b, o, n) },
  [DuckDBTypeId.USMALLINT]: { bytes: 2, view: (b, o, n) => new Uint16Array(b, o, n) },
  [DuckDBTypeId.INTEGER]: { bytes: 4, view: (b, o, n) => new Int32Array(b, o, n) },
  [DuckDBTypeId.UINTEGER]: { bytes: 4, view: (b, o, n) => new Uint32Array(b, o, n) },
  [DuckDBTypeId.BIGINT]: { bytes: 8, view: (b, o, n) => new BigInt64Array(b, o, n) },
  [DuckDBTypeId.FLOAT]: { bytes: 4, view: (b, o, n) => new Float32Array(b, o, n) },
  [DuckDBTypeId.DOUBLE]: { bytes: 8, view: (b, o, n) => new Float64Array(b, o, n) },
};

/** One column of a DuckDB chunk as Arrow data of `kindOfDuckType(type)`. */
export function readChunkColumn(chunk: DuckDBDataChunk, column: number, type: DuckDBType): Data {
  const length = chunk.rowCount;
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
  const nullBitmap = validityBits(vector, length);
  const nullCount = nullBitmap ? length - countBits(nullBitmap, length) : 0;
  const props = { length, nullCount, nullBitmap };
  const id = type.typeId;
  if (id === DuckDBTypeId.VARCHAR) return readStrings(vector, length, props);
  if (id === DuckDBTypeId.BOOLEAN) {
    const bytes = duckdb.vector_get_data(vector, length);
    const bits = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) if (bytes[i]) bits[i >> 3] |= 1 << (i & 7);
    return makeData({ type: new Bool(), ...props, data: bits });
  }
  const decimal = id === DuckDBTypeId.DECIMAL ? (type as DuckDBDecimalType) : undefined;
  if (decimal && decimal.width > 18) return makeData({ type: new Float64(), ...props, data: readWideDecimals(vector, length, decimal.scale) });
  const storage = decimal ? decimalStorage(decimal.width) : id;
  const fixed = storage === undefined ? undefined : fixedWidth[storage];
  if (!fixed) {
    // Every type without a fast path: through DuckDB's own conversion, one value at a time.
    return encodeColumn('utf8', chunk.convertColumnValues(column, jsonRow).map((v) => (v === null ? null : asText(v))));
  }
  const raw = duckdb.vector_get_data(vector, length * fixed.bytes);
  const view = fixed.view(raw.buffer as ArrayBuffer, raw.byteOffset, length);
  if (decimal) return makeData({ type: new Float64(), ...props, data: scaled(view, 10 ** decimal.scale) });
  switch (kindOfDuckType(type)) {
    case 'int32':
      return makeData({ type: new Int32(), ...props, data: view instanceof Int32Array ? view.slice() : copyInto(new Int32Array(length), view) });
    case 'int64':
      return makeData({ type: new Int64(), ...props, data: view instanceof BigInt64Array ? view.slice() : BigInt64Array.from(view as ArrayLike<number>, BigInt) });
    default:
      return makeData({ type: new Float64(), ...props, data: view instanceof Float64Array ? view.slice() : copyInto(new Float64Array(length), view) });
  }
}

// Plain loops and slice(): TypedArray.from walks an iterator, and with a map function is slower still.
function copyInto<T extends Int32Array | Float64Array>(target: T, source: ArrayLike<number | bigint>): T {
  for (let i = 0; i < target.length; i++) target[i] = source[i] as number;
  return target;
}

function scaled(source: ArrayLike<number | bigint>, divisor: number): Float64Array {
  const out = new Float64Array(source.length);
  for (let i = 0; i < out.length; i++) out[i] = Number(source[i]) / divisor;
  return out;
}

/**
 * DECIMAL(19..38) is stored as a 128-bit integer (low uint64, then high int64); as doubles, like the
 * narrower ones. Read as four 32-bit words in double arithmetic: exact while the value fits 53 bits
 * (the top words then are 0 or all ones), rounded beyond like any double; no BigInt per value.
 */
function readWideDecimals(vector: duckdb.Vector, length: number, scale: number): Float64Array {
  const raw = duckdb.vector_get_data(vector, length * 16);
  const words = new Uint32Array(raw.buffer as ArrayBuffer, raw.byteOffset, length * 4);
  const signed = new Int32Array(raw.buffer as ArrayBuffer, raw.byteOffset, length * 4);
  const out = new Float64Array(length);
  const divisor = 10 ** scale;
  for (let i = 0, w = 0; i < length; i++, w += 4) {
    const whole = ((signed[w + 3] * 2 ** 32 + words[w + 2]) * 2 ** 32 + words[w + 1]) * 2 ** 32 + words[w];
    out[i] = whole / divisor;
  }
  return out;
}

/** DuckDB stores a DECIMAL as an int16, int32 or int64 up to width 18. */
function decimalStorage(width: number): DuckDBTypeId | undefined {
  if (width <= 4) return DuckDBTypeId.SMALLINT;
  if (width <= 9) return DuckDBTypeId.INTEGER;
  if (width <= 18) return DuckDBTypeId.BIGINT;
  return undefined;
}

/** DuckDB's validity mask as Arrow's: the same bit order (row i is bit i, little-endian), so a byte copy. */
function validityBits(vector: duckdb.Vector, length: number): Uint8Array | undefined {
  const mask = duckdb.vector_get_validity(vector, Math.ceil(length / 64) * 8);
  if (!mask || mask.length === 0) return undefined;
  return mask.slice(0, (length + 7) >> 3);
}

function countBits(bits: Uint8Array, length: number): number {
  let count = 0;
  for (let i = 0; i < length; i++) count += (bits[i >> 3] >> (i & 7)) & 1;
  return count;
}

/**
 * DuckDB's 16-byte string entries (length, then 12 inline bytes or a prefix and a pointer) as Arrow
 * offsets and bytes: lengths first, so the bytes are allocated once at their exact size.
 */
function readStrings(vector: duckdb.Vector, length: number, props: { length: number; nullCount: number; nullBitmap?: Uint8Array }): Data {
  const entries = duckdb.vector_get_data(vector, length * 16);
  const view = new DataView(entries.buffer, entries.byteOffset, entries.byteLength);
  const valid = props.nullBitmap;
  const valueOffsets = new Int32Array(length + 1);
  let total = 0;
  for (let i = 0; i < length; i++) {
    if (!valid || (valid[i >> 3] >> (i & 7)) & 1) total += view.getUint32(i * 16, true);
    valueOffsets[i + 1] = total;
  }
  const bytes = new Uint8Array(total);
  for (let i = 0; i < length; i++) {
    const at = valueOffsets[i];
    const size = valueOffsets[i + 1] - at;
    if (size > 12) bytes.set(duckdb.get_data_from_pointer(entries.buffer as ArrayBuffer, entries.byteOffset + i * 16 + 8, size), at);
    else for (let b = 0, from = i * 16 + 4; b < size; b++) bytes[at + b] = entries[from + b];
  }
  return makeData({ type: new Utf8(), ...props, valueOffsets, data: bytes });
}

const byteWidth: Partial<Record<ColumnKind, number>> = { int32: 4, int64: 8, float64: 8 };

/**
 * Rows [start, start + count) of an Arrow column into column `column` of a
 * DuckDB chunk created with the matching type (see duckTypes). `start` is a
 * multiple of 8, so the validity bits copy as whole bytes.
 */
export function writeChunkColumn(chunk: DuckDBDataChunk, column: number, kind: ColumnKind, data: Data, start: number, count: number): void {
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
  const valid = data.nullCount > 0 ? data.nullBitmap : undefined;
  if (valid) {
    duckdb.vector_ensure_validity_writable(vector);
    const bits = valid.slice(start >> 3, (start + count + 7) >> 3);
    duckdb.copy_data_to_vector_validity(vector, 0, bits.buffer, 0, bits.byteLength);
  }
  const width = byteWidth[kind];
  if (width) {
    const values = data.values as Int32Array | BigInt64Array | Float64Array;
    duckdb.copy_data_to_vector(vector, 0, values.buffer as ArrayBuffer, values.byteOffset + start * width, count * width);
  } else if (kind === 'bool') {
    const bits = data.values as Uint8Array;
    const bytes = new Uint8Array(count);
    for (let i = 0; i < count; i++) bytes[i] = (bits[(start + i) >> 3] >> ((start + i) & 7)) & 1;
    duckdb.copy_data_to_vector(vector, 0, bytes.buffer, 0, count);
  } else {
    writeStrings(vector, data, valid, start, count);
  }
}

/**
 * Strings as DuckDB's 16-byte entries: one copy for every string of up to 12
 * bytes (stored inline: length, bytes, zero padding), a call per longer one
 * (DuckDB keeps those in the vector's own heap).
 */
function writeStrings(vector: duckdb.Vector, data: Data, valid: Uint8Array | undefined, start: number, count: number): void {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const entries = new Uint8Array(count * 16);
  const lengths = new DataView(entries.buffer);
  const long: number[] = [];
  for (let i = 0; i < count; i++) {
    const row = start + i;
    if (valid && !((valid[row >> 3] >> (row & 7)) & 1)) continue;
    const from = offsets[row];
    const size = offsets[row + 1] - from;
    if (size > 12) {
      long.push(i);
      continue;
    }
    lengths.setUint32(i * 16, size, true);
    for (let b = 0; b < size; b++) entries[i * 16 + 4 + b] = bytes[from + b];
  }
  duckdb.copy_data_to_vector(vector, 0, entries.buffer, 0, entries.byteLength);
  for (const i of long) duckdb.vector_assign_string_element_len(vector, i, bytes.subarray(offsets[start + i], offsets[start + i + 1]));
}
