import { sqlIdent, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, requireColumns, requireDistinct, tableInput } from './table-sql';

export const distinctNode = defineNode({
  type: 'transform.distinct',
  version: 1,
  title: 'Distinct rows',
  category: 'Transforms',
  description:
    'Removes duplicate rows. With Columns, rows count as duplicates when they agree on those columns, and the first such row is kept whole. Rows keep their input order.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    columns: param.columns('Compare on', { default: [], description: 'The columns that decide what is a duplicate. Empty compares every column.' }),
  },
  async run({ inputs, params, data, signal, log }) {
    const input = tableInput(inputs, 'in');
    const columns = await bindColumns(data, input, signal);
    requireColumns(columns, params.columns, 'columns');
    requireDistinct(params.columns, 'columns');
    const keys = (params.columns.length > 0 ? params.columns : columns.map((c) => c.name)).map(sqlIdent);
    const numbered = `SELECT *, row_number() OVER () AS __pw_n FROM (${input.sql})`;
    const sql = `SELECT * EXCLUDE (__pw_n) FROM (${numbered}) QUALIFY row_number() OVER (PARTITION BY ${keys.join(', ')} ORDER BY __pw_n) = 1 ORDER BY __pw_n`;
    log(params.columns.length > 0 ? `one row per distinct ${params.columns.join(', ')}` : 'removed duplicate rows');
    return { out: table(sql) };
  },
});
