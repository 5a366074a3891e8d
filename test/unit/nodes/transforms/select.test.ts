import { describe, expect, it } from 'vitest';
import type { TableValue } from '../../../../node-library/data/table';
import { selectNode } from '../../../../node-library/nodes/transform/select.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();
const people = values(`(1, 'Ada', 36), (2, 'Alan', 41)`, 'id, name, age');

describe('transform.select', () => {
  it('keeps the listed columns in the listed order, renaming some', async () => {
    const { out } = await h.run(selectNode, { columns: ['name', 'id'], renames: { name: 'full name' } }, { in: people });
    expect(await h.rows(out)).toEqual({ columns: ['full name:VARCHAR', 'id:INTEGER'], rows: [['Ada', 1], ['Alan', 2]] });
    expect(h.logs.map((l) => l.message)).toEqual(['columns: full name, id']);
  });

  it('with no columns keeps them all in place and only renames', async () => {
    const { out } = await h.run(selectNode, { renames: { age: 'years' } }, { in: people });
    expect(await h.rows(out)).toEqual({ columns: ['id:INTEGER', 'name:VARCHAR', 'years:INTEGER'], rows: [[1, 'Ada', 36], [2, 'Alan', 41]] });
  });

  it('has the row count of its input when that is known, so its preview counts nothing', async () => {
    const stored = await h.data.materialise('people', people);
    const { out } = await h.run(selectNode, { columns: ['name'] }, { in: stored });
    expect(h.data.knownCount(out as TableValue)).toBe(2);
    const { out: overQuery } = await h.run(selectNode, { columns: ['name'] }, { in: people });
    expect(h.data.knownCount(overQuery as TableValue)).toBeUndefined();
  });

  it('handles names that need quoting', async () => {
    const odd = values(`(1, 2)`, `"a""b", "select"`);
    const { out } = await h.run(selectNode, { columns: ['select', 'a"b'] }, { in: odd });
    expect(await h.rows(out)).toEqual({ columns: ['select:INTEGER', 'a"b:INTEGER'], rows: [[2, 1]] });
  });

  it.each([
    [{ columns: ['nope'] }, /param columns: no column "nope" in the input; its columns are id, name, age/],
    [{ columns: ['id', 'id'] }, /param columns: column "id" is listed twice/],
    [{ columns: ['id'], renames: { name: 'n' } }, /param renames: "name" is not among the selected columns/],
    [{ renames: { missing: 'x' } }, /param renames: "missing" is not a column of the input/],
    [{ renames: { id: 'name' } }, /param renames: output column "name" is listed twice/],
    [{ columns: 'id' }, /node node_1, param columns: Invalid input: expected array/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(selectNode, params, { in: people })).rejects.toThrow(message);
  });
});
