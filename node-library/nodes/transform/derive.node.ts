import * as z from 'zod';
import { sqlIdent, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, bindValues, tableInput, userExpr } from './table-sql';
import { typedParam } from './typed-params';

export const deriveNode = defineNode({
  type: 'transform.derive',
  version: 1,
  title: 'Derive column',
  category: 'Transforms',
  description:
    'Adds a column computed by a SQL expression over each row, e.g. `price * quantity` or `upper(country)`. A name that already exists replaces that column in place. Use `$name` for a value listed under Values.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    name: { ...param.string('Column name'), schema: z.string().trim().min(1, 'give the new column a name') },
    expression: param.sql('Expression', { description: 'A SQL expression over the input columns.' }),
    values: typedParam.values(),
  },
  async run({ inputs, params, data, signal, log }) {
    const input = tableInput(inputs, 'in');
    const expression = bindValues(params.expression, params.values, 'expression');
    const columns = await bindColumns(data, input, signal);
    const name = sqlIdent(params.name);
    const replaces = columns.some((c) => c.name === params.name);
    const out = table(
      replaces ? `SELECT * REPLACE (${userExpr(expression)} AS ${name}) FROM (${input.sql})` : `SELECT *, ${userExpr(expression)} AS ${name} FROM (${input.sql})`,
    );
    const type = (await bindColumns(data, out, signal, 'expression')).find((c) => c.name === params.name)?.type;
    log(`${replaces ? 'replaced' : 'added'} ${params.name} ${type} = ${expression}`);
    return { out };
  },
});
