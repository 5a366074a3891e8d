import { describe, expect, it } from 'vitest';
import { table } from '../../../../node-library/data/table';
import { distinctNode } from '../../../../node-library/nodes/transform/distinct.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();
const visits = values(`('b', 1, 'x'), ('a', 2, 'y'), ('b', 1, 'x'), ('a', 3, 'z'), ('c', NULL, 'w'), ('c', NULL, 'w')`, 'who, n, note');

describe('transform.distinct', () => {
  it('removes duplicate rows, keeping input order', async () => {
    const { out } = await h.run(distinctNode, {}, { in: visits });
    expect(await h.rows(out)).toEqual({
      columns: ['who:VARCHAR', 'n:INTEGER', 'note:VARCHAR'],
      rows: [['b', 1, 'x'], ['a', 2, 'y'], ['a', 3, 'z'], ['c', null, 'w']],
    });
  });

  it('on columns keeps the first whole row of each combination', async () => {
    const { out } = await h.run(distinctNode, { columns: ['who'] }, { in: visits });
    expect((await h.rows(out)).rows).toEqual([['b', 1, 'x'], ['a', 2, 'y'], ['c', null, 'w']]);
    expect(h.logs.map((l) => l.message)).toEqual(['one row per distinct who']);
  });

  it('keeps the first occurrence on a large multi-threaded input', async () => {
    const many = table('SELECT range AS id, range % 7 AS k FROM range(200000)');
    const { out } = await h.run(distinctNode, { columns: ['k'] }, { in: many });
    expect((await h.rows(out)).rows).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6]]);
  });

  it('rejects an unknown column, naming the param', async () => {
    await expect(h.run(distinctNode, { columns: ['when'] }, { in: visits })).rejects.toThrow('param columns: no column "when" in the input; its columns are who, n, note');
  });
});
