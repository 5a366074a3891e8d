// Columns of DuckDB's data chunks copied into Arrow record batches, on the raw
// vectors of @duckdb/node-bindings (the C API under @duckdb/node-api, pinned to
// the same version by it). Each column of a batch is one set of buffers sized
// for the whole batch, filled chunk by chunk: fixed-width values and validity
// masks as bytes, strings as their UTF-8 bytes, never one JS value per cell.
// One buffer per batch rather than one per 2048-row chunk: each fresh buffer
// costs page faults, and each record batch costs the runner a message to decode.
import duckdb from '@duckdb/node-bindings';
import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBDecimalType, type DuckDBType } from '@duckdb/node-api';
import { Bool, Float64, Int32, Int64, makeData, Utf8, type Data } from 'apache-arrow';
import { jsonRow } from '../data/duckdb-values';
import { asText, typedArray, type ColumnKind } from './arrow-columns';
import { hostTableBuffers } from './spare-buffers';

/** Rows per record batch at most. */
export const batchRows = 1 << 17;

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
    case DuckDBTypeId.DECIMAL:
      return 'float64';
    default:
      return 'utf8';
  }
}

type RawView = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | Float32Array | Float64Array;

const fixedWidth: Partial<Record<DuckDBTypeId, { bytes: number; view: (b: ArrayBuffer, o: number, n: number) => RawView }>> = {
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

/** DuckDB stores a DECIMAL as an int16, int32 or int64 up to width 18, wider ones as 128 bits. */
function decimalStorage(width: number): DuckDBTypeId | undefined {
  if (width <= 4) return DuckDBTypeId.SMALLINT;
  if (width <= 9) return DuckDBTypeId.INTEGER;
  if (width <= 18) return DuckDBTypeId.BIGINT;
  return undefined;
}

const encoder = new TextEncoder();

/** The big buffers of a batch (values, offsets, text) come from the host's spare ones; a code node gives them back once its call has sent them. */
const take = (bytes: number) => hostTableBuffers.take(bytes);

/** One column of a record batch, filled from DuckDB chunks with append() and handed over by finish(). */
export class ColumnBatch {
  readonly kind: ColumnKind;
  private length = 0;
  private nullCount = 0;
  private validity: Uint8Array;
  /** Numbers, or for bool the value bits. */
  private values: Int32Array | BigInt64Array | Float64Array | Uint8Array;
  private offsets = new Int32Array(0);
  private bytes = new Uint8Array(0);
  private byteLength = 0;

  /** `capacity`: the rows expected; the buffers grow past it when more come. */
  constructor(
    private readonly type: DuckDBType,
    private capacity: number,
  ) {
    this.kind = kindOfDuckType(type);
    this.validity = new Uint8Array((capacity + 7) >> 3);
    this.values = this.newValues(capacity);
    if (this.kind === 'utf8') {
      this.offsets = typedArray(Int32Array, capacity + 1, take);
      this.offsets[0] = 0;
      this.bytes = take(capacity * 16);
    }
  }

  append(chunk: DuckDBDataChunk, column: number): void {
    const count = chunk.rowCount;
    if (this.length + count > this.capacity) this.grow(Math.max(this.length + count, this.capacity * 2));
    const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
    const mask = this.appendValidity(vector, count);
    const id = this.type.typeId;
    if (id === DuckDBTypeId.VARCHAR) this.appendStrings(vector, count, mask);
    else if (id === DuckDBTypeId.BOOLEAN) this.appendBools(duckdb.vector_get_data(vector, count), count);
    else if (!this.appendNumbers(vector, count)) this.appendTexts(chunk.convertColumnValues(column, jsonRow));
    this.length += count;
  }

  finish(): Data {
    const length = this.length;
    const nullBitmap = this.nullCount > 0 ? this.validity.subarray(0, (length + 7) >> 3) : undefined;
    const props = { length, nullCount: this.nullCount, nullBitmap };
    switch (this.kind) {
      case 'bool':
        return makeData({ type: new Bool(), ...props, data: this.values.subarray(0, (length + 7) >> 3) as Uint8Array });
      case 'utf8':
        return makeData({ type: new Utf8(), ...props, valueOffsets: this.offsets.subarray(0, length + 1), data: this.bytes.subarray(0, this.byteLength) });
      case 'int32':
        return makeData({ type: new Int32(), ...props, data: this.values.subarray(0, length) as Int32Array });
      case 'int64':
        return makeData({ type: new Int64(), ...props, data: this.values.subarray(0, length) as BigInt64Array });
      default:
        return makeData({ type: new Float64(), ...props, data: this.values.subarray(0, length) as Float64Array });
    }
  }

  private newValues(rows: number): Int32Array | BigInt64Array | Float64Array | Uint8Array {
    switch (this.kind) {
      case 'bool':
        return new Uint8Array((rows + 7) >> 3);
      case 'int32':
        return typedArray(Int32Array, rows, take);
      case 'int64':
        return typedArray(BigInt64Array, rows, take);
      case 'float64':
        return typedArray(Float64Array, rows, take);
      default:
        return new Uint8Array(0);
    }
  }

  private grow(rows: number): void {
    const validity = new Uint8Array((rows + 7) >> 3);
    validity.set(this.validity);
    this.validity = validity;
    const values = this.newValues(rows);
    values.set(this.values as never);
    hostTableBuffers.give([this.values]);
    this.values = values;
    if (this.kind === 'utf8') {
      const offsets = typedArray(Int32Array, rows + 1, take);
      offsets.set(this.offsets.subarray(0, this.length + 1));
      hostTableBuffers.give([this.offsets]);
      this.offsets = offsets;
    }
    this.capacity = rows;
  }

  /** DuckDB's validity mask has Arrow's bit order (row i is bit i, little-endian): bytes copy when the batch is at a byte boundary. Returns the chunk's mask, if it has one. */
  private appendValidity(vector: duckdb.Vector, count: number): Uint8Array | undefined {
    const mask = duckdb.vector_get_validity(vector, Math.ceil(count / 64) * 8);
    const bits = this.validity;
    const at = this.length;
    if (!mask || mask.length === 0) {
      setBits(bits, at, count);
      return undefined;
    }
    let valid = 0;
    for (let i = 0; i < count; i++) {
      if ((mask[i >> 3] >> (i & 7)) & 1) {
        bits[(at + i) >> 3] |= 1 << ((at + i) & 7);
        valid++;
      }
    }
    this.nullCount += count - valid;
    return mask;
  }

  private appendBools(bytes: Uint8Array, count: number): void {
    const bits = this.values as Uint8Array;
    for (let i = 0, row = this.length; i < count; i++, row++) if (bytes[i]) bits[row >> 3] |= 1 << (row & 7);
  }

  /** Fixed-width numbers and decimals; false for a type without a fast path. */
  private appendNumbers(vector: duckdb.Vector, count: number): boolean {
    const decimal = this.type.typeId === DuckDBTypeId.DECIMAL ? (this.type as DuckDBDecimalType) : undefined;
    const out = this.values as Int32Array | BigInt64Array | Float64Array;
    const at = this.length;
    if (decimal && decimal.width > 18) {
      appendWideDecimals(duckdb.vector_get_data(vector, count * 16), count, 10 ** decimal.scale, out as Float64Array, at);
      return true;
    }
    const storage = decimal ? decimalStorage(decimal.width) : this.type.typeId;
    const fixed = storage === undefined ? undefined : fixedWidth[storage];
    if (!fixed) return false;
    const raw = duckdb.vector_get_data(vector, count * fixed.bytes);
    const view = fixed.view(raw.buffer as ArrayBuffer, raw.byteOffset, count);
    if (decimal) {
      const divisor = 10 ** decimal.scale;
      for (let i = 0; i < count; i++) (out as Float64Array)[at + i] = Number(view[i]) / divisor;
    } else if (view.constructor === out.constructor) {
      out.set(view as never, at);
    } else if (out instanceof BigInt64Array) {
      for (let i = 0; i < count; i++) out[at + i] = BigInt(view[i]);
    } else {
      // Plain loops: TypedArray.from walks an iterator, and with a map function is slower still.
      for (let i = 0; i < count; i++) out[at + i] = view[i] as number;
    }
    return true;
  }

  /**
   * DuckDB's 16-byte string entries (length, then 12 inline bytes or a prefix
   * and a pointer): lengths first, so the bytes grow at most once per chunk.
   */
  private appendStrings(vector: duckdb.Vector, count: number, mask: Uint8Array | undefined): void {
    const entries = duckdb.vector_get_data(vector, count * 16);
    const view = new DataView(entries.buffer, entries.byteOffset, entries.byteLength);
    const offsets = this.offsets;
    let end = this.byteLength;
    for (let i = 0; i < count; i++) {
      if (!mask || (mask[i >> 3] >> (i & 7)) & 1) end += view.getUint32(i * 16, true);
      offsets[this.length + i + 1] = end;
    }
    this.reserveBytes(end);
    const bytes = this.bytes;
    for (let i = 0; i < count; i++) {
      const at = offsets[this.length + i];
      const size = offsets[this.length + i + 1] - at;
      if (size > 12) bytes.set(duckdb.get_data_from_pointer(entries.buffer as ArrayBuffer, entries.byteOffset + i * 16 + 8, size), at);
      else for (let b = 0, from = i * 16 + 4; b < size; b++) bytes[at + b] = entries[from + b];
    }
    this.byteLength = end;
  }

  /** Every type without a fast path: through DuckDB's own conversion, one value at a time, as text. */
  private appendTexts(values: unknown[]): void {
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value !== null && value !== undefined) {
        const text = asText(value);
        this.reserveBytes(this.byteLength + text.length * 3);
        this.byteLength += encoder.encodeInto(text, this.bytes.subarray(this.byteLength)).written;
      }
      this.offsets[this.length + i + 1] = this.byteLength;
    }
  }

  private reserveBytes(size: number): void {
    if (size <= this.bytes.length) return;
    const bytes = take(Math.max(size, this.bytes.length * 2));
    bytes.set(this.bytes.subarray(0, this.byteLength));
    hostTableBuffers.give([this.bytes]);
    this.bytes = bytes;
  }
}

/** Bits [from, from + count) set. */
function setBits(bits: Uint8Array, from: number, count: number): void {
  let i = from;
  const end = from + count;
  for (; i < end && i & 7; i++) bits[i >> 3] |= 1 << (i & 7);
  for (; i + 8 <= end; i += 8) bits[i >> 3] = 0xff;
  for (; i < end; i++) bits[i >> 3] |= 1 << (i & 7);
}

/**
 * DECIMAL(19..38) is stored as a 128-bit integer (low uint64, then high int64); as doubles, like the
 * narrower ones. Read as four 32-bit words in double arithmetic: exact while the value fits 53 bits
 * (the top words then are 0 or all ones), rounded beyond like any double; no BigInt per value.
 */
function appendWideDecimals(raw: Uint8Array, count: number, divisor: number, out: Float64Array, at: number): void {
  const words = new Uint32Array(raw.buffer as ArrayBuffer, raw.byteOffset, count * 4);
  const signed = new Int32Array(raw.buffer as ArrayBuffer, raw.byteOffset, count * 4);
  for (let i = 0, w = 0; i < count; i++, w += 4) {
    const whole = ((signed[w + 3] * 2 ** 32 + words[w + 2]) * 2 ** 32 + words[w + 1]) * 2 ** 32 + words[w];
    out[at + i] = whole / divisor;
  }
}
