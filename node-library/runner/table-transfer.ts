import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, INTEGER, VARCHAR, type DuckDBType } from '@duckdb/node-api';
import { makeVector, Table, tableFromIPC, type Data, type Vector } from 'apache-arrow';
import type { DuckDbSession } from '../data/duckdb-session';
import { table, type TableValue } from '../data/table';
import { encodeColumn, ipcPieces, kindOfArrowType, type ColumnKind, type IpcPieces } from './arrow-columns';
import { batchRows, ColumnBatch, kindOfDuckType } from './column-batch';
import { writeChunkColumn } from './duckdb-columns';
import { collectYoungGarbage } from './young-garbage';

/**
 * A table of the run's database as one Arrow IPC stream, copied column by
 * column from DuckDB's chunks: no row objects on the way.
 */
export async function tableToArrow(data: DuckDbSession, value: TableValue, signal?: AbortSignal): Promise<IpcPieces> {
  return data.withConnection(signal, async (connection) => {
    // Streamed, one copy out of the table's storage (a materialised result is two), and the next chunk
    // is fetched on DuckDB's side while this one is converted. Measured in a run's fresh database on
    // 100k rows: 22-29 ms to read every chunk streamed against 36-44 ms materialised. One record batch
    // per 128Ki rows: the runner decodes a batch per message (20 ms for 49 batches, 5 for one).
    const result = await connection.stream(value.sql);
    const names = result.columnNames();
    const types = result.columnTypes();
    const batches: Data[][] = names.map(() => []);
    // Buffers sized for the rows when the session knows how many (a stored table, a checked source), else grown.
    let remaining = data.knownCount(value);
    const newBatch = () => types.map((type) => new ColumnBatch(type, Math.min(batchRows, remaining ?? 8 * 2048)));
    let batch = newBatch();
    let rowsInBatch = 0;
    let next = result.fetchChunk();
    let chunks = 0;
    for (;;) {
      const chunk = await next;
      if (!chunk || chunk.rowCount === 0) break;
      next = result.fetchChunk();
      if (rowsInBatch > 0 && rowsInBatch + chunk.rowCount > batchRows) {
        batch.forEach((column, i) => batches[i].push(column.finish()));
        batch = newBatch();
        rowsInBatch = 0;
      }
      for (let i = 0; i < types.length; i++) batch[i].append(chunk, i);
      // The chunks read so far are garbage: their memory back to the C heap for the next ones. Over 30 runs
      // of a 100k-row table into a code node: 1500-2500 page faults a run in the early runs, 60-400 with it.
      if (++chunks % gcEveryChunks === 0) collectYoungGarbage();
      rowsInBatch += chunk.rowCount;
      if (remaining !== undefined) remaining = Math.max(0, remaining - chunk.rowCount);
    }
    if (rowsInBatch > 0) batch.forEach((column, i) => batches[i].push(column.finish()));
    const vectors: Record<string, Vector> = {};
    names.forEach((name, i) => (vectors[name] = batches[i].length > 0 ? makeVector(batches[i]) : emptyVector(kindOfDuckType(types[i]))));
    return ipcPieces(new Table(vectors));
  });
}

function emptyVector(kind: ColumnKind): Vector {
  return makeVector(encodeColumn(kind, []));
}

/** About a quarter of a millisecond each, against 16 chunks of about 80 KB each to fault in afresh. */
const gcEveryChunks = 16;

const duckTypes: Record<ColumnKind, DuckDBType> = { bool: BOOLEAN, int32: INTEGER, int64: BIGINT, float64: DOUBLE, utf8: VARCHAR };
const chunkRows = 2048;

/** An Arrow IPC stream from a runner stored as table `name` in the run's database, appended a chunk at a time. */
export async function arrowToTable(data: DuckDbSession, name: string, bytes: Uint8Array | IpcPieces, signal?: AbortSignal): Promise<TableValue> {
  const arrow = tableFromIPC(bytes);
  const fields = arrow.schema.fields;
  if (fields.length === 0) return table('SELECT NULL AS "empty" WHERE false');
  const kinds = fields.map((f) => kindOfArrowType(f.type));
  const types = kinds.map((k) => duckTypes[k]);
  const columns = fields.map((f, i) => ({ name: f.name, type: String(types[i]) }));
  return data.load(
    name,
    columns,
    async (connection, tableName) => {
      const appender = await connection.createAppender(tableName);
      let chunks = 0;
      try {
        for (const batch of arrow.batches) {
          const batchData = fields.map((_, i) => batch.getChildAt(i)!.data[0]);
          for (let start = 0; start < batch.numRows; start += chunkRows) {
            const count = Math.min(chunkRows, batch.numRows - start);
            const chunk = DuckDBDataChunk.create(types, count);
            batchData.forEach((column, i) => writeChunkColumn(chunk, i, kinds[i], column, start, count));
            appender.appendDataChunk(chunk);
            if (++chunks % gcEveryChunks === 0) collectYoungGarbage();
          }
        }
        appender.flushSync();
        return arrow.numRows;
      } finally {
        appender.closeSync();
      }
    },
    signal,
  );
}
