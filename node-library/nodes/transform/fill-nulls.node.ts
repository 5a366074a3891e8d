import { sqlIdent, sqlString, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, paramError, requireColumns, tableInput } from './table-sql';

export const fillNullsNode = defineNode({
  type: 'transform.fill_nulls',
  version: 1,
  title: 'Fill NULLs',
  category: 'Transforms',
  description:
    "Replaces NULLs in the listed columns with a value, e.g. `discount` -> `0`, `country` -> `unknown`. Each value is read as the column's type (a number, a date like 2024-01-31, true or false), so the column keeps its type.",
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    values: {
      ...param.keyValue('Values', { description: 'Column -> the value to use where it is NULL.' }),
      schema: param.keyValue('').schema.refine((r) => Object.keys(r).length > 0, 'add at least one column'),
    },
  },
  async run({ inputs, params, data, signal, log }) {
    const input = tableInput(inputs, 'in');
    const columns = await bindColumns(data, input, signal);
    const entries = Object.entries(params.values);
    requireColumns(columns, entries.map(([column]) => column), 'values');
    const typeOf = new Map(columns.map((c) => [c.name, c.type]));
    const fills = entries.map(([column, value]) => ({ column, value, literal: `CAST(${sqlString(value)} AS ${typeOf.get(column)})` }));

    // Every value must read as its column's type; a bad one is an error about that entry, not a NULL.
    const checks = fills.map((f, i) => `(${i}, TRY_CAST(${sqlString(f.value)} AS ${typeOf.get(f.column)}) IS NULL)`);
    const bad = await data.query(`SELECT i FROM (VALUES ${checks.join(', ')}) t(i, bad) WHERE bad`, signal);
    if (bad.rows.length > 0) {
      const f = fills[Number(bad.rows[0][0])];
      throw paramError(`values.${f.column}`, `${JSON.stringify(f.value)} is not a ${typeOf.get(f.column)}, the type of column ${f.column}`);
    }
    const replace = fills.map((f) => `coalesce(${sqlIdent(f.column)}, ${f.literal}) AS ${sqlIdent(f.column)}`);
    log(`filled NULLs in ${entries.map(([column]) => column).join(', ')}`);
    return { out: table(`SELECT * REPLACE (${replace.join(', ')}) FROM (${input.sql})`) };
  },
});
