import { describe, expect, it } from 'vitest';
import { pivotNode } from '../../../../node-library/nodes/transform/pivot.node';
import { unpivotNode } from '../../../../node-library/nodes/transform/unpivot.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();
const cases = values(`('GB', '2024-02', 5), ('US', '2024-01', 7), ('GB', '2024-01', 3), ('GB', '2024-01', 1)`, 'country, month, cases');

describe('transform.pivot', () => {
  it('spreads values into sorted columns, one row per group', async () => {
    const { out } = await h.run(pivotNode, { on: ['month'], value: 'cases' }, { in: cases });
    expect(await h.rows(out)).toEqual({
      columns: ['country:VARCHAR', '2024-01:BIGINT', '2024-02:BIGINT'],
      rows: [['GB', 4, 5], ['US', 7, null]],
    });
    expect(h.logs.map((l) => l.message)).toEqual(['2 columns from month, by country']);
  });

  it('uses fixed values in their order, and count without a value column', async () => {
    const { out } = await h.run(pivotNode, { on: ['month'], op: 'count', groupBy: ['country'], values: ['2024-02', '2024-01', '2024-03'] }, { in: cases });
    expect(await h.rows(out)).toEqual({
      columns: ['country:VARCHAR', '2024-02:BIGINT', '2024-01:BIGINT', '2024-03:BIGINT'],
      rows: [['GB', 1, 2, 0], ['US', 0, 1, 0]],
    });
  });

  it('without groups gives one row', async () => {
    const { out } = await h.run(pivotNode, { on: ['country'], value: 'cases', op: 'max', groupBy: [] }, { in: values(`('GB', 5), ('US', 7)`, 'country, cases') });
    expect(await h.rows(out)).toEqual({ columns: ['GB:INTEGER', 'US:INTEGER'], rows: [[5, 7]] });
  });

  it.each([
    [{ on: [] }, /param on: pick at least one column/],
    [{ on: ['week'], value: 'cases' }, /param on: no column "week" in the input/],
    [{ on: ['month'] }, /param value: sum needs a column to aggregate/],
    [{ on: ['month'], value: 'cases', op: 'first' }, /param op: Invalid option/],
    [{ on: ['month', 'country'], value: 'cases', values: ['x'] }, /param values: fixed values work with a single Spread column/],
    [{ on: ['month'], value: 'cases', groupBy: ['month'] }, /param groupBy: month is a Spread or Value column/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(pivotNode, params, { in: cases })).rejects.toThrow(message);
  });
});

describe('transform.unpivot', () => {
  const wide = values(`('GB', 4, 5), ('US', 7, NULL)`, 'country, jan, feb');

  it('turns columns into name/value rows, dropping NULLs', async () => {
    const { out } = await h.run(unpivotNode, { columns: ['jan', 'feb'], nameColumn: 'month', valueColumn: 'cases' }, { in: wide });
    expect(await h.rows(out)).toEqual({
      columns: ['country:VARCHAR', 'month:VARCHAR', 'cases:INTEGER'],
      rows: [['GB', 'jan', 4], ['GB', 'feb', 5], ['US', 'jan', 7]],
    });
  });

  it('keeps NULLs when asked', async () => {
    const { out } = await h.run(unpivotNode, { columns: ['feb'], includeNulls: true }, { in: wide });
    expect(await h.rows(out)).toEqual({ columns: ['country:VARCHAR', 'jan:INTEGER', 'name:VARCHAR', 'value:INTEGER'], rows: [['GB', 4, 'feb', 5], ['US', 7, 'feb', null]] });
  });

  it.each([
    [{ columns: ['mar'] }, /param columns: no column "mar" in the input/],
    [{ columns: ['jan'], nameColumn: 'country' }, /param nameColumn: country is already a column of the input/],
    [{ columns: ['jan'], nameColumn: 'x', valueColumn: 'x' }, /param valueColumn: the name and value columns need different names/],
    [{ columns: ['country', 'jan'] }, /param columns: Binder Error: Cannot unpivot columns of types VARCHAR and INTEGER/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(unpivotNode, params, { in: wide })).rejects.toThrow(message);
  });
});
