import { makeVector, tableFromIPC, Type, type Data, type Table } from 'apache-arrow';

export type Row = Record<string, unknown>;

type Reader = (i: number) => unknown;

/**
 * What user code sees for a table input: iterable rows built lazily from the
 * Arrow columns (`for (const row of inputs.orders)`), `toArray()` for all of
 * them at once, `length`, `columns` and `column(name)` for whole columns.
 * 64-bit integers arrive as numbers when a double holds them exactly.
 */
export class TableRows implements Iterable<Row> {
  readonly columns: string[];
  readonly length: number;
  /** Row offset of each record batch, then the total: rows are read batch by batch with typed-array readers. */
  private readonly starts: number[] = [0];
  private readonly batches: Reader[][];
  /** The bytes the columns are views of, when the runner reuses them after the call (see fromIpc). */
  private source?: Uint8Array;

  constructor(readonly arrow: Table) {
    // Names decoded from the stream are not internalised strings; as property keys those make every row lookup slow.
    this.columns = arrow.schema.fields.map((f) => Object.keys({ [f.name]: 0 })[0]);
    this.length = arrow.numRows;
    this.batches = arrow.batches.map((batch) => {
      this.starts.push(this.starts[this.starts.length - 1] + batch.numRows);
      return this.columns.map((_, c) => dataReader(batch.data.children[c]));
    });
  }

  /**
   * From an Arrow IPC stream, whole or in pieces. The runner takes the memory
   * of an input back after its call (the columns then read as empty), so a
   * table kept past its call fails loudly rather than reading nothing.
   */
  static fromIpc(bytes: Uint8Array | Uint8Array[]): TableRows {
    const rows = new TableRows(tableFromIPC(bytes));
    if (bytes instanceof Uint8Array) rows.source = bytes;
    return rows;
  }

  /** Throws when the table's memory went back to the runner with the end of its call. */
  checkLive(): void {
    if (this.source?.byteLength === 0) {
      throw new Error('this table was an input of an earlier call, and its memory is reused: keep what you need past a call as rows (toArray()) or columns (column(name))');
    }
  }

  /** Row i as a plain object. */
  get(i: number): Row {
    this.checkLive();
    let lo = 0;
    let hi = this.batches.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.row(this.batches[lo], i - this.starts[lo]);
  }

  [Symbol.iterator](): Iterator<Row> {
    this.checkLive();
    let batch = 0;
    let local = 0;
    return {
      next: (): IteratorResult<Row> => {
        while (batch < this.batches.length && this.starts[batch] + local >= this.starts[batch + 1]) {
          batch++;
          local = 0;
        }
        if (batch >= this.batches.length) return { done: true, value: undefined };
        return { done: false, value: this.row(this.batches[batch], local++) };
      },
    };
  }

  toArray(): Row[] {
    this.checkLive();
    const rows = new Array<Row>(this.length);
    let at = 0;
    this.batches.forEach((readers, b) => {
      for (let i = 0, n = this.starts[b + 1] - this.starts[b]; i < n; i++) rows[at++] = this.row(readers, i);
    });
    return rows;
  }

  /** One column's values, nulls included. */
  column(name: string): unknown[] {
    this.checkLive();
    const c = this.columns.indexOf(name);
    if (c < 0) throw new Error(`no column ${name}; the columns are ${this.columns.join(', ')}`);
    const values = new Array<unknown>(this.length);
    let at = 0;
    this.batches.forEach((readers, b) => {
      for (let i = 0, n = this.starts[b + 1] - this.starts[b]; i < n; i++) values[at++] = readers[c](i);
    });
    return values;
  }

  toJSON(): Row[] {
    return this.toArray();
  }

  private row(readers: Reader[], i: number): Row {
    const row: Row = {};
    for (let c = 0; c < readers.length; c++) row[this.columns[c]] = readers[c](i);
    return row;
  }
}

const decoder = new TextDecoder();

/** A fast accessor for one column of one batch: typed-array reads for numbers and text, Arrow's own get() otherwise. */
function dataReader(data: Data): Reader {
  const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
  const offset = data.offset;
  const read = valueReader(data);
  return bitmap ? (i) => ((bitmap[(i + offset) >> 3] >> ((i + offset) & 7)) & 1 ? read(i) : null) : read;
}

function valueReader(data: Data): Reader {
  const values = data.values as unknown;
  const offset = data.offset;
  if (values instanceof BigInt64Array) return (i) => exactNumber(values[i + offset]);
  // Half floats are stored as Uint16Array bits: those go through Arrow.
  const numbers = data.typeId === Type.Int || (data.typeId === Type.Float && !(values instanceof Uint16Array));
  if (numbers && ArrayBuffer.isView(values) && !(values instanceof BigUint64Array)) return (i) => (values as Float64Array)[i + offset];
  if (data.typeId === Type.Utf8) return textReader(data.valueOffsets as Int32Array, values as Uint8Array, offset, data.length);
  const vector = makeVector(data);
  return (i) => {
    const value = vector.get(i) as unknown;
    return typeof value === 'bigint' ? exactNumber(value) : value;
  };
}

/** Rows of text decoded at once: one DuckDB chunk's worth, so a few non-ASCII values cost only their own segment the fast path. */
const textSegmentRows = 2048;

/**
 * Text values: each segment's bytes are decoded once, on first read; when they
 * are all ASCII (most table text), each value is a slice of that string, else
 * each is decoded on its own.
 */
function textReader(offsets: Int32Array, bytes: Uint8Array, offset: number, length: number): Reader {
  const texts: (string | undefined)[] = new Array(Math.ceil(length / textSegmentRows));
  const ascii = new Uint8Array(texts.length);
  return (i) => {
    const segment = Math.floor(i / textSegmentRows);
    const base = offsets[offset + segment * textSegmentRows];
    let text = texts[segment];
    if (text === undefined) {
      text = texts[segment] = decoder.decode(bytes.subarray(base, offsets[offset + Math.min(length, (segment + 1) * textSegmentRows)]));
      // Any byte over 0x7f decodes to a character over 0x7f (or U+FFFD).
      ascii[segment] = /[\u0080-\uffff]/.test(text) ? 0 : 1;
    }
    const from = offsets[i + offset];
    const to = offsets[i + offset + 1];
    return ascii[segment] ? text.slice(from - base, to - base) : decoder.decode(bytes.subarray(from, to));
  };
}

function exactNumber(value: bigint): number | bigint {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}
