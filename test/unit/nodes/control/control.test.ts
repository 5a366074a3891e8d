import { describe, expect, it } from 'vitest';
import { conditionNode } from '../../../../node-library/nodes/control/condition.node';
import { mergeNode } from '../../../../node-library/nodes/control/merge.node';
import { nodeHarness, values } from '../transforms/harness';

const h = nodeHarness();
const orders = values(`(1, 250), (2, NULL), (3, 1200), (4, 99)`, 'id, amount');

describe('control.condition', () => {
  it('routes rows where the condition holds to true, the rest (NULL too) to false', async () => {
    const out = await h.run(conditionNode, { condition: 'amount >= $min', values: { min: 200 } }, { in: orders });
    expect(await h.rows(out.true)).toEqual({ columns: ['id:INTEGER', 'amount:INTEGER'], rows: [[1, 250], [3, 1200]] });
    expect(await h.rows(out.false)).toEqual({ columns: ['id:INTEGER', 'amount:INTEGER'], rows: [[2, null], [4, 99]] });
    expect(h.logs.map((l) => l.message)).toEqual(['2 rows where amount >= 200 went to true, 2 to false']);
  });

  it.each([
    [{ condition: 'total > 1' }, /param condition: Binder Error: Referenced column "total" not found/],
    [{ condition: '' }, /param condition: must not be empty/],
    [{ condition: 'amount > $min', values: { 'bad name': 1 } }, /param values.bad name: a placeholder name is letters, digits and _/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(conditionNode, params, { in: orders })).rejects.toThrow(message);
  });
});

describe('control.merge', () => {
  it('stacks whichever inputs arrived, by column name', async () => {
    const a = values(`(1, 'x')`, 'id, name');
    const c = values(`('z', 3, true)`, 'name, id, flag');
    const { out } = await h.run(mergeNode, {}, { in1: a, in3: c });
    const { columns, rows } = await h.rows(out);
    expect(columns).toEqual(['id:INTEGER', 'name:VARCHAR', 'flag:BOOLEAN']);
    expect(rows.sort()).toEqual([[1, 'x', null], [3, 'z', true]]);
    expect(h.logs.map((l) => l.message)).toEqual(['merged in1, in3']);
  });

  it('fails when nothing arrived', async () => {
    await expect(h.run(mergeNode, {}, {})).rejects.toThrow('no input arrived');
  });
});
