import { outputTableName, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, bindValues, tableInput, userExpr } from '../transform/table-sql';
import { typedParam } from '../transform/typed-params';

export const conditionNode = defineNode({
  type: 'control.condition',
  version: 1,
  title: 'Condition',
  category: 'Control',
  description:
    'Routes each row by a SQL condition: rows where it is true go to the true output, all others (false or NULL) to false. Both outputs always exist, possibly empty. Use `$name` for a value listed under Values, such as a run parameter.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [
    { id: 'true', type: 'table' },
    { id: 'false', type: 'table' },
  ],
  params: {
    condition: param.sql('Condition', { description: 'A SQL boolean expression over the input columns, e.g. `amount >= 1000`.' }),
    values: typedParam.values(),
  },
  async run({ inputs, params, data, signal, log, nodeId, item }) {
    const input = tableInput(inputs, 'in');
    const condition = bindValues(params.condition, params.values, 'condition');
    const test = `coalesce(${userExpr(condition)}, false)`;
    await bindColumns(data, table(`SELECT * FROM (${input.sql}) WHERE ${test}`), signal, 'condition');
    // Stored here rather than by the engine after run(), so the counts read the stored tables.
    const store = (port: string, where: string) => data.materialise(outputTableName(nodeId, port, item), table(`SELECT * FROM (${input.sql}) WHERE ${where}`), signal);
    const [yes, no] = [await store('true', test), await store('false', `NOT ${test}`)];
    log(`${await data.count(yes, signal)} rows where ${condition} went to true, ${await data.count(no, signal)} to false`);
    return { true: yes, false: no };
  },
});
