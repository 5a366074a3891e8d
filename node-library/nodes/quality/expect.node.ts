import * as z from 'zod';
import type { Column, DuckDbSession } from '../../data/duckdb-session';
import type { LogLevel } from '../../contract';
import { outputTableName, sqlIdent, sqlString, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { bindColumns, duckDbMessage, paramError, tableInput } from '../transform/table-sql';
import { typedParam } from '../transform/typed-params';
import { expectationFields, expectationSchema, planExpectations, rowCountOk, type PlannedExpectation } from './expectations';

interface Outcome {
  name: string;
  type: string;
  severity: 'fail' | 'warn';
  passed: boolean;
  /** Violating rows; for row_count_between, the row count when it is out of bounds. */
  violations: number;
  expected: string;
  sample: Record<string, unknown>[];
}

export const expectNode = defineNode({
  type: 'quality.expect',
  version: 1,
  title: 'Expectations',
  category: 'Data quality',
  description: [
    'Checks rows against a list of expectations and splits them: valid gets the rows that pass every row-level check, invalid the others, with a column naming what each broke.',
    'Each expectation is `{ "type": ..., "severity": "fail" | "warn" }` with: not_null (column), unique (column or columns), in_range (column, min, max), matches_regex (column, pattern),',
    'in_set (column, values), row_count_between (min, max: about the whole table), sql (condition that valid rows meet). NULLs pass every check but not_null.',
    'The log gives, per expectation, the count of violating rows and a sample. When a fail expectation is violated, the node fails with those counts and outputs nothing; warn only logs.',
  ].join(' '),
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [
    { id: 'valid', type: 'table' },
    { id: 'invalid', type: 'table' },
    { id: 'report', type: 'json', label: 'report (counts per expectation)' },
  ],
  params: {
    expectations: typedParam.records('Expectations', z.array(expectationSchema).min(1, 'add at least one expectation'), expectationFields, {
      description: 'Checked in this order; each names its violations in the log and in the reason column.',
    }),
    reasonColumn: { ...param.string('Reason column', { default: 'failed_expectations' }), schema: z.string().trim().min(1, 'give the column a name') },
    sampleSize: { ...param.number('Sample rows', { default: 5 }), schema: z.number().int().min(0).max(100, 'at most 100 sample rows') },
  },
  async run({ inputs, params, data, signal, log, nodeId, item }) {
    const input = tableInput(inputs, 'in');
    const columns = await bindColumns(data, input, signal);
    if (columns.some((c) => c.name === params.reasonColumn)) throw paramError('reasonColumn', `${params.reasonColumn} is already a column of the input; choose another name`);
    const planned = planExpectations(params.expectations, columns);
    const rowLevel = planned.filter((p) => p.violation !== undefined);
    const flag = (p: PlannedExpectation) => `__pw_v${p.index}`;
    const windowed = rowLevel.some((p) => p.windowed);
    const source = windowed ? `(SELECT *, row_number() OVER () AS __pw_n FROM (${input.sql}))` : `(${input.sql})`;
    const flags = rowLevel.map((p) => `${p.violation} AS ${flag(p)}`);
    const checked = `SELECT *${flags.map((f) => `, ${f}`).join('')} FROM ${source}${windowed ? ' ORDER BY __pw_n' : ''}`;
    await bindEach(data, checked, source, rowLevel, signal);

    // Stored once: counts, samples and both outputs then read a table, not the whole upstream chain again.
    const stored = await data.materialise(outputTableName(nodeId, 'checked', item), table(checked), signal);
    const hidden = [...rowLevel.map(flag), ...(windowed ? ['__pw_n'] : [])];
    const exclude = hidden.length > 0 ? ` EXCLUDE (${hidden.join(', ')})` : '';
    const visible = (where: string, extra = '') => `SELECT *${exclude}${extra} FROM (${stored.sql}) WHERE ${where}`;
    const any = rowLevel.length > 0 ? rowLevel.map(flag).join(' OR ') : 'false';
    const countsSql = `SELECT count(*), count_if(${any})${rowLevel.map((p) => `, count_if(${flag(p)})`).join('')} FROM (${stored.sql})`;
    const counts = (await data.query(countsSql, signal)).rows[0].map(Number);
    const [rows, invalidRows] = counts;

    const outcomes: Outcome[] = [];
    for (const p of planned) {
      const expectation = params.expectations[p.index];
      const violations = p.violation === undefined ? (rowCountOk(expectation, rows) ? 0 : rows) : counts[2 + rowLevel.indexOf(p)];
      const passed = p.violation === undefined ? rowCountOk(expectation, rows) : violations === 0;
      const sample = passed || p.violation === undefined || params.sampleSize === 0 ? [] : objects(await data.query(`${visible(flag(p))} LIMIT ${params.sampleSize}`, signal));
      outcomes.push({ name: p.name, type: p.type, severity: p.severity, passed, violations, expected: p.expected, sample });
      logOutcome(log, outcomes.at(-1)!, rows);
    }

    const failed = outcomes.filter((o) => !o.passed && o.severity === 'fail');
    if (failed.length > 0) {
      throw new Error(`${failed.length} expectation${failed.length === 1 ? '' : 's'} failed: ${failed.map((o) => `${o.name}: ${summary(o, rows)}`).join('; ')}`);
    }
    const reasons = rowLevel.map((p) => `CASE WHEN ${flag(p)} THEN ${sqlString(p.name)} END`);
    const reason = reasons.length > 0 ? `concat_ws('; ', ${reasons.join(', ')})` : 'NULL::VARCHAR';
    return {
      valid: table(visible(`NOT (${any})`)),
      invalid: table(visible(any, `, ${reason} AS ${sqlIdent(params.reasonColumn)}`)),
      report: { rows, valid: rows - invalidRows, invalid: invalidRows, expectations: outcomes },
    };
  },
});

/** Binds all checks at once; on a DuckDB error, binds each alone so the message names the expectation. */
async function bindEach(data: DuckDbSession, checked: string, source: string, rowLevel: PlannedExpectation[], signal: AbortSignal): Promise<void> {
  try {
    await bindColumns(data, table(checked), signal);
  } catch (error) {
    for (const p of rowLevel) await bindColumns(data, table(`SELECT ${p.violation} FROM ${source}`), signal, `expectations.${p.index}`);
    throw paramError('expectations', duckDbMessage(error), error);
  }
}

function objects(result: { columns: Column[]; rows: unknown[][] }): Record<string, unknown>[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c.name, row[i]])));
}

function summary(o: Outcome, rows: number): string {
  if (o.type === 'row_count_between') return `${rows} rows, expected ${o.expected}`;
  return `${o.violations} of ${rows} rows violate (expected ${o.expected})`;
}

function logOutcome(log: (message: string, level?: LogLevel) => void, o: Outcome, rows: number): void {
  if (o.passed) return log(`${o.name} [${o.severity}]: passed (${rows} rows)`);
  const sample = o.sample.length > 0 ? `; e.g. ${o.sample.map((r) => JSON.stringify(r)).join(', ')}` : '';
  log(`${o.name} [${o.severity}]: ${summary(o, rows)}${sample}`, o.severity === 'fail' ? 'error' : 'warn');
}
