import * as z from 'zod';
import { sqlIdent, table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import type { Column } from '../../data/duckdb-session';
import { bindColumns, paramError, requireColumns, tableInput } from './table-sql';
import { typedParam } from './typed-params';

const kinds = ['inner', 'left', 'right', 'full', 'semi', 'anti'] as const;

/** Types DuckDB compares without a cast that may fail at run time. */
function typeFamily(type: string): string {
  if (/^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|FLOAT|DOUBLE|DECIMAL.*)$/.test(type)) return 'number';
  if (/^(DATE|TIMESTAMP.*)$/.test(type)) return 'date';
  return type;
}

export const joinNode = defineNode({
  type: 'transform.join',
  version: 1,
  title: 'Join',
  category: 'Transforms',
  description: [
    'Matches rows of left and right on equal keys.',
    'inner: only matching pairs; left / right: every row of that side, with NULLs where nothing matches; full: every row of both;',
    'semi: the left rows that have a match; anti: the left rows that have none.',
    'The output has the left columns, then the right columns except its keys; a right column whose name is taken gets the suffix.',
    'NULL keys never match. Row order is not kept: add a Sort after it.',
  ].join(' '),
  inputs: [
    { id: 'left', type: 'table' },
    { id: 'right', type: 'table' },
  ],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    kind: param.enum('Kind', kinds, { default: 'inner' }),
    on: typedParam.someKeyValues('Keys', { description: 'Left column -> right column; every pair must be equal.' }),
    suffix: { ...param.string('Suffix for clashing names', { default: '_right' }), schema: z.string().min(1, 'the suffix must not be empty') },
  },
  async run({ inputs, params, data, signal, log }) {
    const left = tableInput(inputs, 'left');
    const right = tableInput(inputs, 'right');
    const [leftColumns, rightColumns] = await Promise.all([bindColumns(data, left, signal), bindColumns(data, right, signal)]);
    const pairs = Object.entries(params.on);
    requireColumns(leftColumns, pairs.map(([l]) => l), 'on');
    requireColumns(rightColumns, pairs.map(([, r]) => r), 'on (right side)');
    const typeOf = (columns: Column[], name: string) => columns.find((c) => c.name === name)!.type;
    for (const [l, r] of pairs) {
      const [lt, rt] = [typeOf(leftColumns, l), typeOf(rightColumns, r)];
      if (typeFamily(lt) !== typeFamily(rt)) throw paramError('on', `${l} is ${lt} but ${r} is ${rt}; cast one of them first so the keys can be compared`);
    }
    const condition = pairs.map(([l, r]) => `__pw_l.${sqlIdent(l)} = __pw_r.${sqlIdent(r)}`).join(' AND ');
    const from = `(${left.sql}) __pw_l ${params.kind.toUpperCase()} JOIN (${right.sql}) __pw_r ON ${condition}`;
    log(`${params.kind} join on ${pairs.map(([l, r]) => (l === r ? l : `${l} = ${r}`)).join(', ')}`);
    if (params.kind === 'semi' || params.kind === 'anti') return { out: await checked(`SELECT __pw_l.* FROM ${from}`) };

    const leftKeys = new Map(pairs);
    const fromRight = params.kind === 'right' || params.kind === 'full';
    const select = leftColumns.map(({ name }) => {
      const l = `__pw_l.${sqlIdent(name)}`;
      const key = leftKeys.get(name);
      return key !== undefined && fromRight ? `coalesce(${l}, __pw_r.${sqlIdent(key)}) AS ${sqlIdent(name)}` : l;
    });
    const taken = new Set(leftColumns.map((c) => c.name));
    const rightKeys = new Set(pairs.map(([, r]) => r));
    for (const { name } of rightColumns.filter((c) => !rightKeys.has(c.name))) {
      const as = taken.has(name) ? `${name}${params.suffix}` : name;
      if (taken.has(as)) throw paramError('suffix', `the right column ${name} would become ${as}, which is taken too; choose another suffix`);
      taken.add(as);
      select.push(as === name ? `__pw_r.${sqlIdent(name)}` : `__pw_r.${sqlIdent(name)} AS ${sqlIdent(as)}`);
    }
    return { out: await checked(`SELECT ${select.join(', ')} FROM ${from}`) };

    async function checked(sql: string) {
      const out = table(sql);
      await bindColumns(data, out, signal, 'on');
      return out;
    }
  },
});
