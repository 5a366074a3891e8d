import * as z from 'zod';
import { sqlIdent } from '../../data/table';
import type { Column } from '../../data/duckdb-session';
import type { RecordFieldInfo } from '../../contract';
import { paramError, requireColumns, sqlLiteral, userExpr } from '../transform/table-sql';

const literal = z.union([z.string(), z.number(), z.boolean()]);
const bound = z.union([z.string(), z.number()]);
const column = z.string().min(1, 'name a column');
const common = {
  /** Shown in logs and in the invalid rows; defaults to type(column). */
  name: z.string().trim().min(1, 'the name must not be empty').optional(),
  severity: z.enum(['fail', 'warn']).default('fail'),
};
const atLeastOneBound = (e: { min?: unknown; max?: unknown }) => e.min !== undefined || e.max !== undefined;

/** One expectation, discriminated by `type`; zod names the field that is wrong. */
export const expectationSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('not_null'), column, ...common }),
  z
    .strictObject({ type: z.literal('unique'), column: column.optional(), columns: z.array(column).min(1, 'name at least one column').optional(), ...common })
    .refine((e) => (e.column === undefined) !== (e.columns === undefined), { message: 'give either column or columns', path: ['columns'] }),
  z.strictObject({ type: z.literal('in_range'), column, min: bound.optional(), max: bound.optional(), ...common }).refine(atLeastOneBound, { message: 'give min, max or both', path: ['min'] }),
  z.strictObject({ type: z.literal('matches_regex'), column, pattern: z.string().min(1, 'give a regular expression'), ...common }),
  z.strictObject({ type: z.literal('in_set'), column, values: z.array(literal).min(1, 'list at least one value'), ...common }),
  z
    .strictObject({ type: z.literal('row_count_between'), min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional(), ...common })
    .refine(atLeastOneBound, { message: 'give min, max or both', path: ['min'] }),
  z.strictObject({ type: z.literal('sql'), condition: z.string().trim().min(1, 'write a SQL condition that valid rows meet'), ...common }),
]);
export type Expectation = z.infer<typeof expectationSchema>;

const only = (...values: Expectation['type'][]) => ({ field: 'type', values });

/** The form the inspector shows per expectation: its type first, then the fields that type takes. */
export const expectationFields: RecordFieldInfo[] = [
  { name: 'type', label: 'Type', kind: 'enum', options: ['not_null', 'unique', 'in_range', 'matches_regex', 'in_set', 'row_count_between', 'sql'] },
  { name: 'column', label: 'Column', kind: 'column', when: only('not_null', 'unique', 'in_range', 'matches_regex', 'in_set') },
  { name: 'columns', label: 'Or columns (together)', kind: 'columns', when: only('unique') },
  { name: 'min', label: 'Min', kind: 'literal', when: only('in_range') },
  { name: 'max', label: 'Max', kind: 'literal', when: only('in_range') },
  { name: 'min', label: 'Min rows', kind: 'number', when: only('row_count_between') },
  { name: 'max', label: 'Max rows', kind: 'number', when: only('row_count_between') },
  { name: 'pattern', label: 'Pattern', kind: 'text', placeholder: '^[A-Z]{2}$', when: only('matches_regex') },
  { name: 'values', label: 'Values', kind: 'values', placeholder: 'GB, US, 3', when: only('in_set') },
  { name: 'condition', label: 'Condition', kind: 'text', placeholder: 'amount >= 0', when: only('sql') },
  { name: 'severity', label: 'On violation', kind: 'enum', options: ['fail', 'warn'] },
  { name: 'name', label: 'Name', kind: 'text', placeholder: 'default: type(column)' },
];

/** An expectation ready to run: its name and, for row-level ones, a SQL expression true exactly for violating rows. */
export interface PlannedExpectation {
  index: number;
  name: string;
  type: Expectation['type'];
  severity: 'fail' | 'warn';
  /** Never NULL; undefined for row_count_between, which is about the whole table. */
  violation?: string;
  /** Uses a window over the whole input (unique), so input order must be restored after it. */
  windowed: boolean;
  expected: string;
}

function columnsOf(e: Expectation): string[] {
  if (e.type === 'unique') return e.columns ?? [e.column!];
  return 'column' in e && e.column !== undefined ? [e.column] : [];
}

function defaultName(e: Expectation, index: number): string {
  if (e.type === 'sql') return `sql_${index + 1}`;
  const cols = columnsOf(e);
  return cols.length > 0 ? `${e.type}(${cols.join(', ')})` : e.type;
}

function range(min: unknown, max: unknown): string {
  if (min === undefined) return `at most ${max}`;
  if (max === undefined) return `at least ${min}`;
  return `between ${min} and ${max}`;
}

/** Checks columns and names against the input, and builds each violation expression. */
export function planExpectations(expectations: Expectation[], columns: Column[]): PlannedExpectation[] {
  const names = new Set<string>();
  return expectations.map((e, index) => {
    requireColumns(columns, columnsOf(e), `expectations.${index}.${e.type === 'unique' && e.columns ? 'columns' : 'column'}`);
    const name = e.name ?? defaultName(e, index);
    if (names.has(name)) throw paramError(`expectations.${index}.name`, `${JSON.stringify(name)} names two expectations; give each its own name`);
    names.add(name);
    const c = columnsOf(e).map(sqlIdent);
    const base = { index, name, type: e.type, severity: e.severity, windowed: e.type === 'unique' };
    const safe = (condition: string) => `coalesce(${condition}, false)`;
    switch (e.type) {
      case 'not_null':
        return { ...base, violation: `${c[0]} IS NULL`, expected: 'no NULLs' };
      case 'unique':
        return {
          ...base,
          violation: `(${c.map((k) => `${k} IS NOT NULL`).join(' AND ')}) AND count(*) OVER (PARTITION BY ${c.join(', ')}) > 1`,
          expected: 'each value once',
        };
      case 'in_range': {
        const outside = [e.min === undefined ? '' : `${c[0]} < ${sqlLiteral(e.min)}`, e.max === undefined ? '' : `${c[0]} > ${sqlLiteral(e.max)}`];
        return { ...base, violation: safe(outside.filter(Boolean).join(' OR ')), expected: range(e.min, e.max) };
      }
      case 'matches_regex':
        return { ...base, violation: safe(`NOT regexp_matches(CAST(${c[0]} AS VARCHAR), ${sqlLiteral(e.pattern)})`), expected: `matches /${e.pattern}/` };
      case 'in_set':
        return { ...base, violation: safe(`${c[0]} NOT IN (${e.values.map(sqlLiteral).join(', ')})`), expected: `one of ${e.values.join(', ')}` };
      case 'sql':
        return { ...base, violation: `NOT coalesce(${userExpr(e.condition)}, false)`, expected: e.condition };
      case 'row_count_between':
        return { ...base, expected: `${range(e.min, e.max)} rows` };
    }
  });
}

/** Whether a row count meets a row_count_between expectation. */
export function rowCountOk(e: Expectation, rows: number): boolean {
  if (e.type !== 'row_count_between') return true;
  return (e.min === undefined || rows >= e.min) && (e.max === undefined || rows <= e.max);
}
