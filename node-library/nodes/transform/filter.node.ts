import { table, type TableValue } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';

export const filterNode = defineNode({
  type: 'transform.filter',
  version: 1,
  title: 'Filter rows',
  category: 'Transforms',
  description: 'Keeps the rows for which a SQL condition is true, e.g. `amount > 100`.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    condition: param.sql('Condition', { description: 'A SQL boolean expression over the input columns.' }),
  },
  async run({ inputs, params, data, signal, log }) {
    const input = inputs.in as TableValue;
    const out = table(`SELECT * FROM (${input.sql}) WHERE ${params.condition}`);
    log(`kept ${await data.count(out, signal)} rows where ${params.condition}`);
    return { out };
  },
});
