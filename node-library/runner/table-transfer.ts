import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBTypeId, INTEGER, VARCHAR, type DuckDBDataChunk as Chunk, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { tableFromIPC, type Vector } from 'apache-arrow';
import type { DuckDbSession } from '../data/duckdb-session';
import { jsonRow } from '../data/duckdb-values';
import { table, type TableValue } from '../data/table';
import { asText, columnsToIpc, encodeColumn, kindOfArrowType, type ColumnKind } from './arrow-columns';

/** How a DuckDB column crosses into a runner: its Arrow kind and how to read a chunk's values. */
function columnPlan(type: DuckDBType): { kind: ColumnKind; read(chunk: Chunk, i: number): unknown[] } {
  const raw = (chunk: Chunk, i: number) => chunk.getColumnValues(i) as unknown[];
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { kind: 'bool', read: raw };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return { kind: 'int32', read: raw };
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.BIGINT:
      return { kind: 'int64', read: raw };
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return { kind: 'float64', read: raw };
    case DuckDBTypeId.DECIMAL:
      return { kind: 'float64', read: (chunk, i) => chunk.convertColumnValues(i, jsonRow).map((v) => (v === null ? null : Number(v))) };
    case DuckDBTypeId.VARCHAR:
      return { kind: 'utf8', read: raw };
    default:
      // Dates, timestamps, lists, structs, huge integers: as the text previews show them (JSON for nested values).
      return { kind: 'utf8', read: (chunk, i) => chunk.convertColumnValues(i, jsonRow).map((v) => (v === null ? null : asText(v))) };
  }
}

/**
 * A table of the run's database as one Arrow IPC stream, read column by
 * column from DuckDB's chunks: no row objects on the way.
 */
export async function tableToArrow(data: DuckDbSession, value: TableValue, signal?: AbortSignal): Promise<Uint8Array> {
  return data.withConnection(signal, async (connection) => {
    const result = await connection.stream(value.sql);
    const names = result.columnNames();
    const plans = result.columnTypes().map(columnPlan);
    const columns: unknown[][] = names.map(() => []);
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      for (let i = 0; i < plans.length; i++) {
        const values = plans[i].read(chunk, i);
        const target = columns[i];
        for (let r = 0; r < values.length; r++) target.push(values[r]);
      }
    }
    return columnsToIpc(names.map((name, i) => ({ name, data: encodeColumn(plans[i].kind, columns[i]) })));
  });
}

const duckTypes: Record<ColumnKind, DuckDBType> = { bool: BOOLEAN, int32: INTEGER, int64: BIGINT, float64: DOUBLE, utf8: VARCHAR };
const chunkRows = 2048;

/** An Arrow IPC stream from a runner stored as table `name` in the run's database, appended chunk by chunk. */
export async function arrowToTable(data: DuckDbSession, name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<TableValue> {
  const arrow = tableFromIPC(bytes);
  const fields = arrow.schema.fields;
  if (fields.length === 0) return table('SELECT NULL AS "empty" WHERE false');
  const kinds = fields.map((f) => kindOfArrowType(f.type));
  const types = kinds.map((k) => duckTypes[k]);
  const vectors = fields.map((_, i) => arrow.getChildAt(i)!);
  const columns = fields.map((f, i) => ({ name: f.name, type: String(types[i]) }));
  return data.load(
    name,
    columns,
    async (connection, tableName) => {
      const appender = await connection.createAppender(tableName);
      try {
        for (let start = 0; start < arrow.numRows; start += chunkRows) {
          const end = Math.min(arrow.numRows, start + chunkRows);
          const chunk = DuckDBDataChunk.create(types, end - start);
          vectors.forEach((vector, i) => chunk.setColumnValues(i, sliceValues(vector, kinds[i], start, end)));
          appender.appendDataChunk(chunk);
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    signal,
  );
}

function sliceValues(vector: Vector, kind: ColumnKind, start: number, end: number): DuckDBValue[] {
  const values = new Array<DuckDBValue>(end - start);
  const [data] = vector.data;
  const typed = data?.values as ArrayLike<number | bigint> | undefined;
  if (vector.data.length === 1 && data.nullCount === 0 && kind !== 'bool' && kind !== 'utf8' && typed) {
    for (let i = start; i < end; i++) values[i - start] = typed[i];
    return values;
  }
  for (let i = start; i < end; i++) values[i - start] = (vector.get(i) as DuckDBValue) ?? null;
  return values;
}
