import { isTable, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, bindValues, tableInput } from './table-sql';
import { typedParam } from './typed-params';

const ports = ['in1', 'in2', 'in3', 'in4'] as const;

export const sqlNode = defineNode({
  type: 'transform.sql',
  version: 1,
  title: 'SQL',
  category: 'Transforms',
  description: [
    'Runs one SQL query (DuckDB dialect) and outputs its result.',
    'Each connected input is a table named after its port: `SELECT o.*, c.name FROM in1 o JOIN in2 c USING (customer_id)`.',
    'Use `$name` for a value listed under Values, such as a run parameter.',
  ].join(' '),
  inputs: ports.map((id) => ({ id, type: 'table' as const, optional: true })),
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    query: param.sql('Query', { description: 'One SELECT (or PIVOT, UNPIVOT, VALUES ...) over in1 ... in4.' }),
    values: typedParam.values(),
  },
  async run({ inputs, params, data, signal, log }) {
    const connected = ports.filter((port) => isTable(inputs[port]));
    const ctes = connected.map((port) => `${port} AS (${tableInput(inputs, port).sql})`);
    const query = bindValues(params.query, params.values, 'query').replace(/[\s;]+$/, '');
    // Newlines around the query, so a trailing -- comment cannot swallow the closing parenthesis.
    const out = table(`${ctes.length > 0 ? `WITH ${ctes.join(', ')} ` : ''}SELECT * FROM (\n${query}\n)`);
    const columns = await bindColumns(data, out, signal, 'query');
    log(`${connected.length > 0 ? `over ${connected.join(', ')}: ` : ''}${columns.length} columns (${columns.map((c) => c.name).join(', ')})`);
    return { out };
  },
});
