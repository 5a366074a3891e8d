import * as z from 'zod';
import { table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { paramError, tableInput } from './table-sql';

export const sampleNode = defineNode({
  type: 'transform.sample',
  version: 1,
  title: 'Sample rows',
  category: 'Transforms',
  description:
    'Keeps a random sample: Size rows, or Size percent of the rows. The choice depends only on the seed and the row contents, so the same seed gives the same sample on every run, whatever order the rows arrive in. A sample of N rows comes in random order; a percentage keeps the input order.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    size: { ...param.number('Size'), schema: z.number().min(0, 'the size must not be negative') },
    unit: param.enum('Unit', ['rows', 'percent'], { default: 'rows' }),
    seed: { ...param.number('Seed', { default: 42, description: 'Change it for a different sample.' }), schema: z.number().int('the seed must be a whole number') },
  },
  async run({ inputs, params, log }) {
    const input = tableInput(inputs, 'in');
    const { size, unit, seed } = params;
    // hash(seed, row) ranks rows pseudo-randomly but repeatably; the alias names the whole row.
    const rank = `hash(${seed}, __pw_row)`;
    const from = `(${input.sql}) __pw_row`;
    let sql: string;
    if (unit === 'rows') {
      if (!Number.isInteger(size)) throw paramError('size', `${size} rows is not a whole number`);
      sql = `SELECT __pw_row.* FROM ${from} ORDER BY ${rank} LIMIT ${size}`;
    } else {
      if (size > 100) throw paramError('size', `${size} percent is more than 100`);
      sql = `SELECT __pw_row.* FROM ${from} WHERE ${rank} % 1000000 < ${Math.round(size * 10_000)}`;
    }
    log(`sampled ${size} ${unit} with seed ${seed}`);
    return { out: table(sql) };
  },
});
