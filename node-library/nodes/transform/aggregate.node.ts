import * as z from 'zod';
import { sqlIdent, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, requireColumns, requireDistinct, sumSql, tableInput } from './table-sql';
import { typedParam } from './typed-params';

const aggregateOps = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'median', 'first', 'last'] as const;
type Op = (typeof aggregateOps)[number];

const aggregation = z
  .strictObject({
    op: z.enum(aggregateOps),
    column: z.string().min(1, 'name a column').optional(),
    as: z.string().trim().min(1, 'the output name must not be empty').optional(),
  })
  .refine((a) => a.op === 'count' || a.column !== undefined, { message: 'this op needs a column', path: ['column'] });
type Aggregation = z.infer<typeof aggregation>;

/** The SQL for one aggregate; first and last use the row number `__pw_n` to mean input order. */
function aggregateSql(op: Op, column: string | undefined, type: string | undefined): string {
  const c = column === undefined ? '*' : sqlIdent(column);
  switch (op) {
    case 'sum':
      return sumSql(column!, type);
    case 'count':
      return `count(${c})`;
    case 'count_distinct':
      return `count(DISTINCT ${c})`;
    case 'first':
      return `arg_min_null(${c}, __pw_n)`;
    case 'last':
      return `arg_max_null(${c}, __pw_n)`;
    default:
      return `${op}(${c})`;
  }
}

export const aggregateNode = defineNode({
  type: 'transform.aggregate',
  version: 1,
  title: 'Group and aggregate',
  category: 'Transforms',
  description: [
    'One row per group of equal Group by values (one row in all when it is empty), sorted by the group columns, with one column per aggregation.',
    'Each aggregation is an op (count, count_distinct, sum, avg, min, max, median, first or last) over a column, named by As; in JSON `{ "op": "sum", "column": "amount", "as": "total" }`.',
    'count without a column counts rows; with one, its non-NULL values. A sum of integers is a BIGINT. first and last take the value of the first and last row in input order.',
    'As defaults to op_column.',
  ].join(' '),
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    groupBy: param.columns('Group by', { default: [] }),
    aggregations: typedParam.records(
      'Aggregations',
      z.array(aggregation).min(1, 'add at least one aggregation'),
      [
        { name: 'op', label: 'Op', kind: 'enum', options: [...aggregateOps] },
        { name: 'column', label: 'Column', kind: 'column', placeholder: 'count: all rows' },
        { name: 'as', label: 'As', kind: 'text', placeholder: 'default: op_column' },
      ],
      { description: 'One output column per aggregation, in this order.' },
    ),
  },
  async run({ inputs, params, data, signal, log }) {
    const input = tableInput(inputs, 'in');
    const columns = await bindColumns(data, input, signal);
    requireColumns(columns, params.groupBy, 'groupBy');
    requireDistinct(params.groupBy, 'groupBy');
    params.aggregations.forEach((a, i) => a.column !== undefined && requireColumns(columns, [a.column], `aggregations.${i}.column`));
    const names = params.aggregations.map(outputName);
    requireDistinct([...params.groupBy, ...names], 'aggregations', 'output column');

    const ordered = params.aggregations.some((a) => a.op === 'first' || a.op === 'last');
    const from = ordered ? `(SELECT *, row_number() OVER () AS __pw_n FROM (${input.sql}))` : `(${input.sql})`;
    const groups = params.groupBy.map(sqlIdent);
    const typeOf = new Map(columns.map((c) => [c.name, c.type]));
    const select = [...groups, ...params.aggregations.map((a, i) => `${aggregateSql(a.op, a.column, typeOf.get(a.column ?? ''))} AS ${sqlIdent(names[i])}`)];
    const grouping = groups.length > 0 ? ` GROUP BY ${groups.join(', ')} ORDER BY ${groups.join(', ')}` : '';
    const out = table(`SELECT ${select.join(', ')} FROM ${from}${grouping}`);
    await bindColumns(data, out, signal, 'aggregations');
    log(`${names.join(', ')}${groups.length > 0 ? ` by ${params.groupBy.join(', ')}` : ''}`);
    return { out };
  },
});

function outputName(a: Aggregation): string {
  if (a.as !== undefined) return a.as;
  return a.column === undefined ? a.op : `${a.op}_${a.column}`;
}

