import { table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, tableInput } from './table-sql';

export const unionNode = defineNode({
  type: 'transform.union',
  version: 1,
  title: 'Union',
  category: 'Transforms',
  description:
    'Stacks the rows of a and b, matching columns by name: the columns of a, then those only b has; a column one side lacks is NULL there. Columns of the same name but different types meet in a common type.',
  inputs: [
    { id: 'a', type: 'table' },
    { id: 'b', type: 'table' },
  ],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    distinct: param.boolean('Remove duplicate rows', { default: false }),
  },
  async run({ inputs, params, data, signal, log }) {
    const a = tableInput(inputs, 'a');
    const b = tableInput(inputs, 'b');
    const out = table(`SELECT * FROM (${a.sql}) UNION${params.distinct ? '' : ' ALL'} BY NAME SELECT * FROM (${b.sql})`);
    const columns = await bindColumns(data, out, signal);
    log(`columns: ${columns.map((c) => c.name).join(', ')}${params.distinct ? ' (duplicates removed)' : ''}`);
    return { out };
  },
});
