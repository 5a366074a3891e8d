import * as z from 'zod';
import { sqlIdent, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, paramError, requireColumns, requireDistinct, tableInput } from './table-sql';
import { typedParam } from './typed-params';

const name = (label: string, fallback: string) => ({ ...param.string(label, { default: fallback }), schema: z.string().trim().min(1, 'give it a name') });

export const unpivotNode = defineNode({
  type: 'transform.unpivot',
  version: 1,
  title: 'Unpivot',
  category: 'Transforms',
  description:
    'Turns columns into rows: each input row becomes one row per listed column, with the column name in Name column and its value in Value column; the other columns are repeated. The listed columns need one common type (cast them first if not). NULL values are dropped unless Keep NULLs is on.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    columns: typedParam.someColumns('Columns', { description: 'The columns to turn into rows.' }),
    nameColumn: name('Name column', 'name'),
    valueColumn: name('Value column', 'value'),
    includeNulls: param.boolean('Keep NULLs', { default: false }),
  },
  async run({ inputs, params, data, signal, log }) {
    const input = tableInput(inputs, 'in');
    const columns = await bindColumns(data, input, signal);
    requireColumns(columns, params.columns, 'columns');
    requireDistinct(params.columns, 'columns');
    const kept = columns.map((c) => c.name).filter((c) => !params.columns.includes(c));
    for (const key of ['nameColumn', 'valueColumn'] as const) {
      if (kept.includes(params[key])) throw paramError(key, `${params[key]} is already a column of the input; choose another name`);
    }
    if (params.nameColumn === params.valueColumn) throw paramError('valueColumn', 'the name and value columns need different names');
    const nulls = params.includeNulls ? ' INCLUDE NULLS' : '';
    const spec = `${sqlIdent(params.valueColumn)} FOR ${sqlIdent(params.nameColumn)} IN (${params.columns.map(sqlIdent).join(', ')})`;
    const out = table(`SELECT * FROM (${input.sql}) UNPIVOT${nulls} (${spec})`);
    await bindColumns(data, out, signal, 'columns');
    log(`${params.columns.length} columns into ${params.nameColumn}, ${params.valueColumn}`);
    return { out };
  },
});
