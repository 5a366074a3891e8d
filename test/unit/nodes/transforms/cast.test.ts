import { describe, expect, it } from 'vitest';
import { castNode } from '../../../../node-library/nodes/transform/cast.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();
const raw = values(`('1', '2024-01-31', '3.25', 'x'), ('2', NULL, '4', 'y')`, 'id, day, amount, tag');

describe('transform.cast', () => {
  it('converts the listed columns in place and leaves the others', async () => {
    const { out } = await h.run(castNode, { types: { id: 'INTEGER', day: 'DATE', amount: 'DECIMAL(10, 2)' } }, { in: raw });
    expect(await h.rows(out)).toEqual({
      columns: ['id:INTEGER', 'day:DATE', 'amount:DECIMAL(10,2)', 'tag:VARCHAR'],
      rows: [[1, '2024-01-31', '3.25', 'x'], [2, null, '4.00', 'y']],
    });
    expect(h.logs.map((l) => l.message)).toEqual(['cast id to INTEGER, day to DATE, amount to DECIMAL(10, 2)']);
  });

  it('fails naming the column, the count and a bad value', async () => {
    const bad = values(`('1', 'a'), ('x', 'b'), ('y', 'c')`, 'id, tag');
    await expect(h.run(castNode, { types: { tag: 'VARCHAR', id: 'INTEGER' } }, { in: bad })).rejects.toThrow(
      'param types.id: 2 values of column id cannot be cast to INTEGER, e.g. "x"; fix the data, or set "On a bad value" to null',
    );
  });

  it('with onError null turns bad values into NULL', async () => {
    const bad = values(`('1'), ('x')`, 'id');
    const { out } = await h.run(castNode, { types: { id: 'BIGINT' }, onError: 'null' }, { in: bad });
    expect(await h.rows(out)).toEqual({ columns: ['id:BIGINT'], rows: [[1], [null]] });
  });

  it.each([
    [{ types: {} }, /param types: add at least one entry/],
    [{ types: { nope: 'INTEGER' } }, /param types: no column "nope" in the input/],
    [{ types: { id: 'INTEGER); DROP TABLE x; --' } }, /param types.id: "INTEGER\); DROP TABLE x; --" is not a type name/],
    [{ types: { id: 'INTEGR' } }, /param types: Catalog Error: Type with name INTEGR does not exist/],
    [{ types: { id: 'INTEGER' }, onError: 'skip' }, /param onError: Invalid option: expected one of "fail"\|"null"/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(castNode, params, { in: raw })).rejects.toThrow(message);
  });
});
