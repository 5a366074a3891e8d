import { rowsWhere } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindValues, tableInput, userExpr } from './table-sql';
import { typedParam } from './typed-params';

export const filterNode = defineNode({
  type: 'transform.filter',
  version: 1,
  title: 'Filter rows',
  category: 'Transforms',
  description:
    'Keeps the rows for which a SQL condition is true, e.g. `amount > 100`. Use `$name` in the condition for a value listed under Values, such as a run parameter: `country = $country`.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    condition: param.sql('Condition', { description: 'A SQL boolean expression over the input columns.' }),
    values: typedParam.values(),
  },
  view: true,
  rowCondition: (params) => userExpr(bindValues(params.condition, params.values, 'condition')),
  async run({ inputs, params, data, signal, log, fuse }) {
    const input = tableInput(inputs, 'in');
    const condition = bindValues(params.condition, params.values, 'condition');
    const out = rowsWhere(input, userExpr(condition));
    // Counting a view over the stored input is a cheap columnar scan, and over a lazy source it was
    // counted in the source's own pass; the output itself is never copied.
    // Skipped when the chain stays fused: counting would run it an extra time.
    if (!fuse) log(`kept ${await data.count(out, signal)} rows where ${condition}`);
    return { out };
  },
});
