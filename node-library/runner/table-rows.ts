import { tableFromIPC, type Table, type Vector } from 'apache-arrow';

export type Row = Record<string, unknown>;

/**
 * What user code sees for a table input: iterable rows built lazily from the
 * Arrow columns (`for (const row of inputs.orders)`), `toArray()` for all of
 * them at once, `length`, `columns` and `column(name)` for whole columns.
 * 64-bit integers arrive as numbers when a double holds them exactly.
 */
export class TableRows implements Iterable<Row> {
  readonly columns: string[];
  readonly length: number;
  private readonly readers: ((i: number) => unknown)[];

  constructor(readonly arrow: Table) {
    this.columns = arrow.schema.fields.map((f) => f.name);
    this.length = arrow.numRows;
    this.readers = this.columns.map((_, i) => columnReader(arrow.getChildAt(i)!));
  }

  static fromIpc(bytes: Uint8Array): TableRows {
    return new TableRows(tableFromIPC(bytes));
  }

  /** Row i as a plain object. */
  get(i: number): Row {
    const row: Row = {};
    for (let c = 0; c < this.columns.length; c++) row[this.columns[c]] = this.readers[c](i);
    return row;
  }

  *[Symbol.iterator](): Iterator<Row> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }

  toArray(): Row[] {
    const rows = new Array<Row>(this.length);
    for (let i = 0; i < this.length; i++) rows[i] = this.get(i);
    return rows;
  }

  /** One column's values, nulls included. */
  column(name: string): unknown[] {
    const c = this.columns.indexOf(name);
    if (c < 0) throw new Error(`no column ${name}; the columns are ${this.columns.join(', ')}`);
    return Array.from({ length: this.length }, (_, i) => this.readers[c](i));
  }

  toJSON(): Row[] {
    return this.toArray();
  }
}

/** A fast accessor for one column: typed-array reads for single-chunk numbers, Arrow's own get() otherwise. */
function columnReader(vector: Vector): (i: number) => unknown {
  const [data] = vector.data;
  const values = data?.values as unknown;
  if (vector.data.length === 1 && (values instanceof Float64Array || values instanceof Int32Array || values instanceof BigInt64Array)) {
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    const offset = data.offset;
    const read = values instanceof BigInt64Array ? (i: number) => exactNumber(values[i]) : (i: number) => values[i];
    return bitmap ? (i) => ((bitmap[(i + offset) >> 3] >> ((i + offset) & 7)) & 1 ? read(i) : null) : read;
  }
  return (i) => {
    const value = vector.get(i) as unknown;
    return typeof value === 'bigint' ? exactNumber(value) : value;
  };
}

function exactNumber(value: bigint): number | bigint {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}
