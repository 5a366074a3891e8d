import * as z from 'zod';
import { sqlIdent, sqlString } from '../../data/table';
import { defineNode } from '../define-node';
import type { ParamSpec } from '../params';
import { storeSource } from './file-source';

const columnSchema = z.strictObject({
  name: z.string().min(1, 'a column name must not be empty'),
  type: z.string().regex(/^[A-Za-z][\w ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])?$/, 'a DuckDB type such as INTEGER, VARCHAR, DECIMAL(10,2), DATE or INTEGER[]'),
});
const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);

type Cell = z.infer<typeof cellSchema>;

const inlineTable = z
  .strictObject({ columns: z.array(columnSchema).min(1, 'add at least one column'), rows: z.array(z.array(cellSchema)) })
  .superRefine((value, issues) => {
    const names = new Set<string>();
    value.columns.forEach((c, i) => {
      if (names.has(c.name.toLowerCase())) issues.addIssue({ code: 'custom', path: ['columns', i, 'name'], message: `column ${c.name} is listed twice` });
      names.add(c.name.toLowerCase());
    });
    value.rows.forEach((row, i) => {
      if (row.length !== value.columns.length) issues.addIssue({ code: 'custom', path: ['rows', i], message: `row ${i + 1} has ${row.length} values; the table has ${value.columns.length} columns` });
    });
  });

const tableParam: ParamSpec<z.infer<typeof inlineTable>> = {
  kind: 'inlineTable',
  label: 'Table',
  description: 'Values are cast to the column types; an empty cell is NULL. In JSON: { "columns": [{ "name": "id", "type": "INTEGER" }, ...], "rows": [[1, "a"], ...] }.',
  schema: inlineTable,
};

/** A value as a SQL literal cast to its column's type; lists and objects go through their JSON text. */
function literal(value: Cell, type: string): string {
  if (value === null) return `CAST(NULL AS ${type})`;
  if (typeof value === 'string') return `CAST(${sqlString(value)} AS ${type})`;
  if (typeof value === 'number' || typeof value === 'boolean') return `CAST(${String(value)} AS ${type})`;
  return `CAST(${sqlString(JSON.stringify(value))} AS ${type})`;
}

export const inlineNode = defineNode({
  type: 'source.inline',
  version: 1,
  title: 'Inline table',
  category: 'Sources',
  description: 'A small table typed by hand: named, typed columns and rows of values. For lookup lists, test data and constants.',
  inputs: [],
  outputs: [{ id: 'out', type: 'table' }],
  params: { table: tableParam },
  async run(ctx) {
    const { columns, rows } = ctx.params.table;
    const names = columns.map((c) => sqlIdent(c.name));
    const sql =
      rows.length === 0
        ? `SELECT ${columns.map((c, i) => `${literal(null, c.type)} AS ${names[i]}`).join(', ')} LIMIT 0`
        : `SELECT * FROM (VALUES ${rows.map((row) => `(${row.map((v, i) => literal(v, columns[i].type)).join(', ')})`).join(', ')}) AS t(${names.join(', ')})`;
    const out = await storeSource(ctx, sql, async (message) => `param table: ${message}`);
    ctx.log(`${rows.length} rows`);
    return { out };
  },
});
