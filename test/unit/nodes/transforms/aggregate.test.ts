import { describe, expect, it } from 'vitest';
import { aggregateNode } from '../../../../node-library/nodes/transform/aggregate.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();
const sales = values(
  `('GB', 'pen', 10), ('US', 'ink', 5), ('GB', 'pad', NULL), ('GB', 'pen', 30), ('US', 'ink', 7), ('FR', NULL, 1)`,
  'country, item, amount',
);

describe('transform.aggregate', () => {
  it('computes every op per group, sorted by the group columns', async () => {
    const aggregations = [
      { op: 'count', as: 'rows' },
      { op: 'count', column: 'amount' },
      { op: 'count_distinct', column: 'item', as: 'items' },
      { op: 'sum', column: 'amount', as: 'total' },
      { op: 'avg', column: 'amount' },
      { op: 'min', column: 'amount' },
      { op: 'max', column: 'amount' },
      { op: 'median', column: 'amount' },
      { op: 'first', column: 'item' },
      { op: 'last', column: 'amount' },
    ];
    const { out } = await h.run(aggregateNode, { groupBy: ['country'], aggregations }, { in: sales });
    expect(await h.rows(out)).toEqual({
      columns: [
        'country:VARCHAR', 'rows:BIGINT', 'count_amount:BIGINT', 'items:BIGINT', 'total:BIGINT', 'avg_amount:DOUBLE',
        'min_amount:INTEGER', 'max_amount:INTEGER', 'median_amount:DOUBLE', 'first_item:VARCHAR', 'last_amount:INTEGER',
      ],
      rows: [
        ['FR', 1, 1, 0, 1, 1, 1, 1, 1, null, 1],
        ['GB', 3, 2, 2, 40, 20, 10, 30, 20, 'pen', 30],
        ['US', 2, 2, 1, 12, 6, 5, 7, 6, 'ink', 7],
      ],
    });
    expect(h.logs.map((l) => l.message)).toEqual([
      'rows, count_amount, items, total, avg_amount, min_amount, max_amount, median_amount, first_item, last_amount by country',
    ]);
  });

  it('first and last follow input order, NULLs included', async () => {
    const { out } = await h.run(aggregateNode, { aggregations: [{ op: 'first', column: 'amount' }, { op: 'last', column: 'item' }] }, { in: sales });
    expect((await h.rows(out)).rows).toEqual([[10, null]]);
  });

  it('without group columns gives one row', async () => {
    const { out } = await h.run(aggregateNode, { aggregations: [{ op: 'sum', column: 'amount' }] }, { in: sales });
    expect(await h.rows(out)).toEqual({ columns: ['sum_amount:BIGINT'], rows: [[53]] });
  });

  it('sums integers as BIGINT, failing rather than losing digits beyond it', async () => {
    const big = values(`(9223372036854775807::BIGINT), (1::BIGINT)`, 'n');
    const { out } = await h.run(aggregateNode, { aggregations: [{ op: 'sum', column: 'n' }] }, { in: big });
    await expect(h.rows(out)).rejects.toThrow(/out of range/);
  });

  it.each([
    [{ aggregations: [] }, /param aggregations: add at least one aggregation/],
    [{ aggregations: [{ op: 'mode', column: 'amount' }] }, /param aggregations.0.op: Invalid option: expected one of "count"\|"count_distinct"/],
    [{ aggregations: [{ op: 'count' }, { op: 'sum' }] }, /param aggregations.1.column: this op needs a column/],
    [{ aggregations: [{ op: 'sum', column: 'price' }] }, /param aggregations.0.column: no column "price" in the input/],
    [{ aggregations: [{ op: 'sum', column: 'amount', colum: 'x' }] }, /param aggregations.0: Unrecognized key: "colum"/],
    [{ groupBy: ['region'], aggregations: [{ op: 'count' }] }, /param groupBy: no column "region" in the input/],
    [{ groupBy: ['country'], aggregations: [{ op: 'count', as: 'country' }] }, /param aggregations: output column "country" is listed twice/],
    [{ aggregations: [{ op: 'sum', column: 'country' }] }, /param aggregations: Binder Error: No function matches the given name and argument types 'sum\(VARCHAR\)'/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(aggregateNode, params, { in: sales })).rejects.toThrow(message);
  });
});
