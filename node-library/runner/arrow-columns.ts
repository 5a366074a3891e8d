import { Bool, Float64, Int32, Int64, makeData, makeVector, Precision, RecordBatchStreamWriter, Table, Type, Utf8, type Data, type DataType, type Float, type Int, type Vector } from 'apache-arrow';

/**
 * The few column kinds a table crosses the process boundary as. Anything
 * richer (dates, decimals, lists) travels as text; types stay a DuckDB
 * concern on the parent's side.
 */
export type ColumnKind = 'bool' | 'int32' | 'int64' | 'float64' | 'utf8';

const encoder = new TextEncoder();

/** Where a column's big buffers come from: a fresh buffer by default, a SpareBuffers' take in the runner. */
export type TakeBytes = (bytes: number) => Uint8Array<ArrayBuffer>;

const fresh: TakeBytes = (bytes) => new Uint8Array(bytes);

type TypedArrayOf<T> = { new (buffer: ArrayBuffer, offset: number, length: number): T; readonly BYTES_PER_ELEMENT: number };

/** A typed array of `length` elements over bytes from `take`. */
export function typedArray<T>(View: TypedArrayOf<T>, length: number, take: TakeBytes): T {
  return new View(take(length * View.BYTES_PER_ELEMENT).buffer, 0, length);
}

/** Value i of a column: how the encoder reads a column without an array of its values. */
type ValueAt = (i: number) => unknown;

/**
 * Arrow data for one column of JS values; null and undefined become nulls.
 * Every byte of a taken buffer is written: it may hold an earlier table's.
 */
export function encodeColumn(kind: ColumnKind, values: ArrayLike<unknown>, take: TakeBytes = fresh): Data {
  return encodeValues(kind, values.length, (i) => values[i], take);
}

/** `noNulls`: the caller saw every value and none was null, so no pass looks for them. */
function encodeValues(kind: ColumnKind, length: number, at: ValueAt, take: TakeBytes, noNulls = false): Data {
  const validity = noNulls ? undefined : new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  if (validity) {
    for (let i = 0; i < length; i++) {
      const v = at(i);
      if (v === null || v === undefined) nullCount++;
      else validity[i >> 3] |= 1 << (i & 7);
    }
  }
  const nullBitmap = nullCount > 0 ? validity : undefined;
  switch (kind) {
    case 'bool': {
      const bits = new Uint8Array((length + 7) >> 3);
      for (let i = 0; i < length; i++) if (at(i) === true) bits[i >> 3] |= 1 << (i & 7);
      return makeData({ type: new Bool(), length, nullCount, nullBitmap, data: bits });
    }
    case 'int32': {
      // Plain loops: TypedArray.from with a map function is several times slower.
      const data = typedArray(Int32Array, length, take);
      for (let i = 0; i < length; i++) data[i] = (at(i) as number) ?? 0;
      return makeData({ type: new Int32(), length, nullCount, nullBitmap, data });
    }
    case 'int64': {
      const data = typedArray(BigInt64Array, length, take);
      for (let i = 0; i < length; i++) data[i] = toBigInt(at(i));
      return makeData({ type: new Int64(), length, nullCount, nullBitmap, data });
    }
    case 'float64': {
      const data = typedArray(Float64Array, length, take);
      for (let i = 0; i < length; i++) {
        const v = at(i);
        data[i] = typeof v === 'number' ? v : v === null || v === undefined ? 0 : Number(v);
      }
      return makeData({ type: new Float64(), length, nullCount, nullBitmap, data });
    }
    case 'utf8':
      return encodeText(length, at, nullCount, nullBitmap, take);
  }
}

function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  return 0n;
}

/** Two passes over the values, sizing the bytes and then writing them: no array of the texts (an array of 100k costs fresh pages each time). */
function encodeText(length: number, at: ValueAt, nullCount: number, nullBitmap: Uint8Array | undefined, take: TakeBytes): Data {
  let size = 0;
  for (let i = 0; i < length; i++) {
    const value = at(i);
    if (value !== null && value !== undefined) size += (typeof value === 'string' ? value : asText(value)).length * 3;
  }
  const bytes = take(size);
  const valueOffsets = typedArray(Int32Array, length + 1, take);
  valueOffsets[0] = 0;
  let written = 0;
  for (let i = 0; i < length; i++) {
    const value = at(i);
    const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : asText(value);
    let c = 0;
    // ASCII byte by byte (most table text); the encoder only for the rest of a string with other characters.
    for (; c < text.length; c++) {
      const code = text.charCodeAt(c);
      if (code >= 0x80) break;
      bytes[written++] = code;
    }
    if (c < text.length) written += encoder.encodeInto(text.slice(c), bytes.subarray(written)).written;
    valueOffsets[i + 1] = written;
  }
  return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data: bytes.subarray(0, written) });
}

/** Text for a value of a text column: strings as they are, dates as ISO 8601, anything else as JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

/**
 * An Arrow IPC stream in the pieces its writer produced (message headers,
 * padding and views of the column buffers), in order. Never joined where it
 * is made: a file takes them as they are (table-files.ts), and a fresh buffer
 * of a few MB costs more to fault in than to fill.
 */
export type IpcPieces = Uint8Array[];

class PieceWriter extends RecordBatchStreamWriter {
  readonly pieces: IpcPieces = [];

  protected override _write(chunk: ArrayBufferView): this {
    if (this._started && chunk.byteLength > 0) {
      this.pieces.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this._position += chunk.byteLength;
    }
    return this;
  }
}

/** A table as one Arrow IPC stream, in pieces. */
export function ipcPieces(table: Table): IpcPieces {
  const writer = new PieceWriter();
  writer.writeAll(table);
  return writer.pieces;
}

/** One Arrow IPC stream from named columns. */
export function columnsToIpc(columns: { name: string; data: Data }[]): IpcPieces {
  const vectors: Record<string, Vector> = {};
  for (const column of columns) vectors[column.name] = makeVector(column.data);
  return ipcPieces(new Table(vectors));
}

/** What kinds of values a column has held so far; kind() names the kind that holds them all. */
class SeenKinds {
  bool = false;
  int32 = false;
  int64 = false;
  float = false;
  text = false;
  /** Rows that had the key, and nulls among their values. */
  present = 0;
  nulls = 0;

  note(v: unknown): void {
    this.present++;
    if (v === null || v === undefined) {
      this.nulls++;
      return;
    }
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) this.float = true;
      else if (v >= -2147483648 && v <= 2147483647) this.int32 = true;
      else if (Number.isSafeInteger(v)) this.int64 = true;
      else this.float = true;
    } else if (typeof v === 'bigint') this.int64 = true;
    else if (typeof v === 'boolean') this.bool = true;
    else this.text = true;
  }

  /** Numbers narrow to int32 or int64 when whole; mixtures become text. */
  kind(): ColumnKind {
    if (this.text || (this.bool && (this.int32 || this.int64 || this.float))) return 'utf8';
    if (this.bool) return 'bool';
    if (this.float) return 'float64';
    if (this.int64) return 'int64';
    if (this.int32) return 'int32';
    return 'utf8';
  }
}

/** The column kind of an Arrow type, for reading a table back. Decoded types are generic (Int with a bit width), so no instanceof. */
export function kindOfArrowType(type: DataType): ColumnKind {
  if (type.typeId === Type.Bool) return 'bool';
  if (type.typeId === Type.Int) return (type as Int).bitWidth === 64 ? 'int64' : 'int32';
  if (type.typeId === Type.Float && (type as Float).precision === Precision.DOUBLE) return 'float64';
  return 'utf8';
}

/**
 * Rows of plain objects as one Arrow IPC stream; columns in first-seen key
 * order, types inferred per column. A first pass finds the columns and their
 * kinds (a for-in key read in its own loop is V8's fast path, and rows of one
 * shape match the known columns in order without a lookup); then each column
 * is encoded straight from the rows. No array of a column's values: arrays of
 * 100k values are V8 large objects, in fresh pages each time (about 4 MB, 1000
 * page faults, for 100k rows of 4 columns).
 */
export function rowsToIpc(rows: readonly unknown[], take: TakeBytes = fresh): IpcPieces {
  const names: string[] = [];
  const seen: SeenKinds[] = [];
  const byName = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new TypeError(`a table port needs rows as plain objects, got ${Array.isArray(row) ? 'an array' : typeof row}`);
    let c = 0;
    for (const key in row) {
      let k = names[c] === key ? c : byName.get(key);
      if (k === undefined) {
        // A column first seen at row i: null in the rows before.
        k = names.length;
        names.push(key);
        seen.push(new SeenKinds());
        byName.set(key, k);
      }
      seen[k].note(row[key]);
      c++;
    }
  }
  const rowsOf = rows as readonly Record<string, unknown>[];
  // A row without the key must read null, not what Object.prototype has under that name (constructor, toString).
  const valueAt = (name: string, everywhere: boolean): ValueAt =>
    everywhere ? (i) => rowsOf[i][name] : (i) => (Object.hasOwn(rowsOf[i], name) ? rowsOf[i][name] : undefined);
  return columnsToIpc(
    names.map((name, c) => {
      const everywhere = seen[c].present === rows.length;
      return { name, data: encodeValues(seen[c].kind(), rows.length, valueAt(name, everywhere), take, everywhere && seen[c].nulls === 0) };
    }),
  );
}
