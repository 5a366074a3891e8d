import * as z from 'zod';
import { table } from '../../data/table';
import { defineNode } from '../define-node';
import { param } from '../params';
import { tableInput } from './table-sql';

const count = (what: string) => z.number().int(`${what} must be a whole number`).min(0, `${what} must not be negative`);

export const limitNode = defineNode({
  type: 'transform.limit',
  version: 1,
  title: 'Limit rows',
  category: 'Transforms',
  description: 'Keeps at most Limit rows, after skipping the first Offset rows. Rows keep their order, so put a Sort first to keep the top N.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [{ id: 'out', type: 'table' }],
  params: {
    limit: { ...param.number('Limit'), schema: count('the limit') },
    offset: { ...param.number('Offset', { default: 0 }), schema: count('the offset') },
  },
  async run({ inputs, params, log }) {
    const input = tableInput(inputs, 'in');
    log(`kept rows ${params.offset + 1} to ${params.offset + params.limit}`);
    return { out: table(`SELECT * FROM (${input.sql}) LIMIT ${params.limit} OFFSET ${params.offset}`) };
  },
});
