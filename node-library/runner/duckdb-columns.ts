// Arrow columns from a runner copied into DuckDB data chunks, on the raw
// vectors of @duckdb/node-bindings (the C API under @duckdb/node-api, pinned to
// the same version by it): fixed-width columns and validity masks are copied as
// bytes, strings as their UTF-8 bytes, never one JS value per cell. The way in
// is column-batch.ts.
import duckdb from '@duckdb/node-bindings';
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { Data } from 'apache-arrow';
import type { ColumnKind } from './arrow-columns';

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
