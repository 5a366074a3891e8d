import * as z from 'zod';
import { sqlIdent, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, paramError, requireColumns, requireDistinct, sqlLiteral, sumSql, tableInput } from './table-sql';
import { typedParam } from './typed-params';

const ops = ['sum', 'count', 'count_distinct', 'avg', 'min', 'max', 'median'] as const;

export const pivotNode = defineNode({
  type: 'transform.pivot',
  version: 1,
  title: 'Pivot',
  category: 'Transforms',
  description: [
    'Turns values into columns: one row per group, one column per distinct value of the Spread columns, holding the aggregate of Value for that group and value.',
    'E.g. rows (country, month, cases) spread on month with sum of cases give one row per country and a column per month.',
    'Groups are the Group by columns, or every column other than Spread and Value when it is empty; rows come sorted by them.',
    'Values fixes the new columns and their order (for a single Spread column); otherwise they are every value found, sorted.',
  ].join(' '),
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    on: typedParam.someColumns('Spread', { description: 'The column(s) whose values become column names.' }),
    value: param.string('Value', { optional: true, description: 'The column to aggregate; count can do without.' }),
    op: param.enum('Aggregate', ops, { default: 'sum' }),
    groupBy: param.columns('Group by', { default: [] }),
    values: typedParam.json('Values', z.array(z.union([z.string(), z.number(), z.boolean()])).min(1, 'list at least one value').optional(), {
      optional: true,
      description: 'The values that become columns, in order, e.g. ["2024-01", "2024-02"].',
    }),
  },
  async run({ inputs, params, data, signal, log }) {
    const input = tableInput(inputs, 'in');
    const columns = await bindColumns(data, input, signal);
    requireColumns(columns, params.on, 'on');
    requireDistinct(params.on, 'on');
    if (params.value !== undefined) requireColumns(columns, [params.value], 'value');
    else if (params.op !== 'count') throw paramError('value', `${params.op} needs a column to aggregate`);
    requireColumns(columns, params.groupBy, 'groupBy');
    if (params.values !== undefined && params.on.length > 1) throw paramError('values', 'fixed values work with a single Spread column');

    const used = new Set([...params.on, ...(params.value === undefined ? [] : [params.value])]);
    const groups = params.groupBy.length > 0 ? params.groupBy : columns.map((c) => c.name).filter((name) => !used.has(name));
    for (const g of groups) if (used.has(g)) throw paramError('groupBy', `${g} is a Spread or Value column and cannot be a group too`);
    const target = params.value === undefined ? '*' : sqlIdent(params.value);
    const valueType = columns.find((c) => c.name === params.value)?.type;
    const using = params.op === 'count_distinct' ? `count(DISTINCT ${target})` : params.op === 'sum' ? sumSql(params.value!, valueType) : `${params.op}(${target})`;
    const spread = params.on.map(sqlIdent).join(', ') + (params.values ? ` IN (${params.values.map(sqlLiteral).join(', ')})` : '');
    const groupSql = groups.map(sqlIdent).join(', ');
    const pivot = `PIVOT (${input.sql}) ON ${spread} USING ${using}${groups.length > 0 ? ` GROUP BY ${groupSql}` : ''}`;
    const out = table(groups.length > 0 ? `SELECT * FROM (${pivot}) ORDER BY ${groupSql}` : pivot);
    const outColumns = await bindColumns(data, out, signal, 'on');
    log(`${outColumns.length - groups.length} columns from ${params.on.join(', ')}, ${groups.length > 0 ? `by ${groups.join(', ')}` : 'one row'}`);
    return { out };
  },
});
