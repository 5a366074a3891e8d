import { describe, expect, it } from 'vitest';
import { deriveNode } from '../../../../node-library/nodes/transform/derive.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();
const lines = values(`(1, 2.5, 4), (2, 10.0, 1)`, 'id, price, quantity');

describe('transform.derive', () => {
  it('appends a computed column', async () => {
    const { out } = await h.run(deriveNode, { name: 'total', expression: 'price * quantity' }, { in: lines });
    expect(await h.rows(out)).toEqual({
      columns: ['id:INTEGER', 'price:DECIMAL(3,1)', 'quantity:INTEGER', 'total:DECIMAL(13,1)'],
      rows: [[1, '2.5', 4, '10.0'], [2, '10.0', 1, '10.0']],
    });
    expect(h.logs.map((l) => l.message)).toEqual(['added total DECIMAL(13,1) = price * quantity']);
  });

  it('replaces an existing column in place', async () => {
    const { out } = await h.run(deriveNode, { name: 'price', expression: 'CAST(price * 2 AS DOUBLE)' }, { in: lines });
    expect(await h.rows(out)).toEqual({ columns: ['id:INTEGER', 'price:DOUBLE', 'quantity:INTEGER'], rows: [[1, 5, 4], [2, 20, 1]] });
  });

  it('inserts bound values as literals', async () => {
    const { out } = await h.run(deriveNode, { name: 'label', expression: `$prefix || id || '$x'`, values: { prefix: "it's #" } }, { in: lines });
    expect((await h.rows(out)).rows.map((r) => r[3])).toEqual(["it's #1$x", "it's #2$x"]);
  });

  it.each([
    [{ name: 'x', expression: 'cost * 2' }, /param expression: Binder Error: Referenced column "cost" not found/],
    [{ name: ' ', expression: '1' }, /param name: give the new column a name/],
    [{ name: 'x', expression: '' }, /param expression: must not be empty/],
    [{ name: 'x', expression: 'id + $missing' }, /param expression: \$missing has no value; add it under values/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(deriveNode, params, { in: lines })).rejects.toThrow(message);
  });
});
