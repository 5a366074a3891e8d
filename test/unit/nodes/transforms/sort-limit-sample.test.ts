import { describe, expect, it } from 'vitest';
import { table } from '../../../../node-library/data/table';
import { limitNode } from '../../../../node-library/nodes/transform/limit.node';
import { sampleNode } from '../../../../node-library/nodes/transform/sample.node';
import { sortNode } from '../../../../node-library/nodes/transform/sort.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();
const scores = values(`('b', 2), ('a', NULL), ('c', 2), ('d', 1)`, 'name, score');

describe('transform.sort', () => {
  it('sorts by several columns, NULLs last by default', async () => {
    const { out } = await h.run(sortNode, { columns: ['score', 'name'] }, { in: scores });
    expect((await h.rows(out)).rows).toEqual([['d', 1], ['b', 2], ['c', 2], ['a', null]]);
  });

  it('sorts descending with NULLs first', async () => {
    const { out } = await h.run(sortNode, { columns: ['score', 'name'], direction: 'desc', nulls: 'first' }, { in: scores });
    expect((await h.rows(out)).rows).toEqual([['a', null], ['c', 2], ['b', 2], ['d', 1]]);
    expect(h.logs.map((l) => l.message)).toEqual(['sorted by score, name desc']);
  });

  it.each([
    [{ columns: [] }, /param columns: pick at least one column/],
    [{ columns: ['rank'] }, /param columns: no column "rank" in the input; its columns are name, score/],
    [{ columns: ['name'], direction: 'up' }, /param direction: Invalid option/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(sortNode, params, { in: scores })).rejects.toThrow(message);
  });
});

describe('transform.limit', () => {
  const numbers = table('SELECT range AS n FROM range(10)');

  it('keeps N rows after an offset, in order', async () => {
    const { out } = await h.run(limitNode, { limit: 3, offset: 4 }, { in: numbers });
    expect(await h.rows(out)).toEqual({ columns: ['n:BIGINT'], rows: [[4], [5], [6]] });
  });

  it.each([
    [{}, /param limit: Invalid input: expected number, received undefined/],
    [{ limit: -1 }, /param limit: the limit must not be negative/],
    [{ limit: 2.5 }, /param limit: the limit must be a whole number/],
    [{ limit: 1, offset: -2 }, /param offset: the offset must not be negative/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(limitNode, params, { in: numbers })).rejects.toThrow(message);
  });
});

describe('transform.sample', () => {
  const numbers = table('SELECT range AS n FROM range(1000)');
  const shuffled = table('SELECT range AS n FROM range(1000) ORDER BY (range * 7919) % 1000');
  const sorted = async (value: unknown) => (await h.rows(value)).rows.map((r) => r[0] as number).sort((a, b) => a - b);

  it('takes N rows, the same ones for the same seed whatever the input order', async () => {
    const first = await sorted((await h.run(sampleNode, { size: 5, seed: 7 }, { in: numbers })).out);
    const again = await sorted((await h.run(sampleNode, { size: 5, seed: 7 }, { in: shuffled })).out);
    const other = await sorted((await h.run(sampleNode, { size: 5, seed: 8 }, { in: numbers })).out);
    expect(first).toHaveLength(5);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('takes about a percentage of the rows, repeatably', async () => {
    const first = await sorted((await h.run(sampleNode, { size: 10, unit: 'percent' }, { in: numbers })).out);
    expect(first.length).toBeGreaterThan(70);
    expect(first.length).toBeLessThan(130);
    expect(await sorted((await h.run(sampleNode, { size: 10, unit: 'percent' }, { in: shuffled })).out)).toEqual(first);
    expect(await sorted((await h.run(sampleNode, { size: 100, unit: 'percent' }, { in: numbers })).out)).toHaveLength(1000);
  });

  it.each([
    [{ size: 2.5 }, /param size: 2.5 rows is not a whole number/],
    [{ size: 120, unit: 'percent' }, /param size: 120 percent is more than 100/],
    [{ size: -1 }, /param size: the size must not be negative/],
    [{ size: 1, seed: 0.5 }, /param seed: the seed must be a whole number/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(sampleNode, params, { in: numbers })).rejects.toThrow(message);
  });
});
