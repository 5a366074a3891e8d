import { sqlIdent, table, type TableValue } from '../../data/table';
import type { DuckDbSession } from '../../data/duckdb-session';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, duckDbMessage, paramError, requireColumns, tableInput } from './table-sql';
import { typedParam } from './typed-params';

/** A DuckDB type name: `INTEGER`, `DECIMAL(10, 2)`, `VARCHAR[]`, `TIMESTAMP WITH TIME ZONE`. */
const typePattern = /^[A-Za-z][A-Za-z0-9_]*( [A-Za-z][A-Za-z0-9_]*)*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\d*\])*$/;

export const castNode = defineNode({
  type: 'transform.cast',
  version: 1,
  title: 'Cast types',
  category: 'Transforms',
  description:
    'Converts columns to other types, e.g. `amount` -> `DECIMAL(10,2)`, `day` -> `DATE`. Any DuckDB type name works. When a value does not convert, the node fails naming the column and the value, or, with "On a bad value" set to null, the value becomes NULL.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    types: typedParam.someKeyValues('Types', { description: 'Column -> DuckDB type.' }),
    onError: param.enum('On a bad value', ['fail', 'null'], { default: 'fail', description: 'fail: stop with the column and value; null: use NULL (TRY_CAST).' }),
  },
  async run({ inputs, params, data, signal, log }) {
    const input = tableInput(inputs, 'in');
    const columns = await bindColumns(data, input, signal);
    const entries = Object.entries(params.types).map(([column, type]) => [column, type.trim()] as const);
    requireColumns(columns, entries.map(([column]) => column), 'types');
    for (const [column, type] of entries) {
      if (!typePattern.test(type)) throw paramError(`types.${column}`, `${JSON.stringify(type)} is not a type name such as INTEGER, DOUBLE, DATE or DECIMAL(10,2)`);
    }
    const cast = params.onError === 'null' ? 'TRY_CAST' : 'CAST';
    const replace = entries.map(([column, type]) => `${cast}(${sqlIdent(column)} AS ${type}) AS ${sqlIdent(column)}`);
    const out = table(`SELECT * REPLACE (${replace.join(', ')}) FROM (${input.sql})`);
    await bindColumns(data, out, signal, 'types');
    if (params.onError === 'fail') await checkConversions(data, input, entries, signal);
    log(`cast ${entries.map(([column, type]) => `${column} to ${type}`).join(', ')}${params.onError === 'null' ? ' (bad values become NULL)' : ''}`);
    return { out };
  },
});

/**
 * Converts every value once, so a bad one fails this node rather than a later
 * one; on failure, a second pass finds which column and value it was.
 */
async function checkConversions(data: DuckDbSession, input: TableValue, entries: (readonly [string, string])[], signal: AbortSignal): Promise<void> {
  const all = entries.map(([column, type], i) => `min(CAST(${sqlIdent(column)} AS ${type})) AS c${i}`);
  try {
    await data.execute(`SELECT ${all.join(', ')} FROM (${input.sql})`, signal);
    return;
  } catch (error) {
    if (signal.aborted) throw error;
    const bad = (column: string, type: string) => `${sqlIdent(column)} IS NOT NULL AND TRY_CAST(${sqlIdent(column)} AS ${type}) IS NULL`;
    const checks = entries.map(([column, type], i) => `count_if(${bad(column, type)}) AS n${i}, any_value(CAST(${sqlIdent(column)} AS VARCHAR)) FILTER (WHERE ${bad(column, type)}) AS v${i}`);
    const [row] = (await data.query(`SELECT ${checks.join(', ')} FROM (${input.sql})`, signal)).rows;
    const index = entries.findIndex((_, i) => Number(row?.[2 * i]) > 0);
    if (index < 0) throw new Error(duckDbMessage(error), { cause: error });
    const [column, type] = entries[index];
    const count = Number(row[2 * index]);
    throw paramError(`types.${column}`, `${count} value${count === 1 ? '' : 's'} of column ${column} cannot be cast to ${type}, e.g. ${JSON.stringify(row[2 * index + 1])}; fix the data, or set "On a bad value" to null`, error);
  }
}
