import { sqlIdent, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, requireColumns, requireDistinct, tableInput } from './table-sql';
import { typedParam } from './typed-params';

export const sortNode = defineNode({
  type: 'transform.sort',
  version: 1,
  title: 'Sort rows',
  category: 'Transforms',
  description: 'Orders the rows by one or more columns: by the first, then the second among equal firsts, and so on. NULLs go last unless told otherwise.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    columns: typedParam.someColumns('Sort by', { description: 'The columns to sort by, most significant first.' }),
    direction: param.enum('Direction', ['asc', 'desc'], { default: 'asc', description: 'asc: smallest first; desc: largest first.' }),
    nulls: param.enum('NULLs', ['last', 'first'], { default: 'last' }),
  },
  async run({ inputs, params, data, signal, log }) {
    const input = tableInput(inputs, 'in');
    requireDistinct(params.columns, 'columns');
    requireColumns(await bindColumns(data, input, signal), params.columns, 'columns');
    const order = params.columns.map((c) => `${sqlIdent(c)} ${params.direction.toUpperCase()} NULLS ${params.nulls.toUpperCase()}`);
    log(`sorted by ${params.columns.join(', ')} ${params.direction}`);
    return { out: table(`SELECT * FROM (${input.sql}) ORDER BY ${order.join(', ')}`) };
  },
});
