import { describe, expect, it } from 'vitest';
import { fillNullsNode } from '../../../../node-library/nodes/transform/fill-nulls.node';
import { sqlNode } from '../../../../node-library/nodes/transform/sql.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();

describe('transform.fill_nulls', () => {
  const gaps = values(`(1, NULL, NULL, NULL), (2, 'x', 2.5, DATE '2024-01-02')`, 'id, tag, price, day');

  it("fills NULLs with values read as each column's type", async () => {
    const { out } = await h.run(fillNullsNode, { values: { tag: 'unknown', price: '0', day: '2024-01-01' } }, { in: gaps });
    expect(await h.rows(out)).toEqual({
      columns: ['id:INTEGER', 'tag:VARCHAR', 'price:DECIMAL(2,1)', 'day:DATE'],
      rows: [[1, 'unknown', '0.0', '2024-01-01'], [2, 'x', '2.5', '2024-01-02']],
    });
  });

  it.each([
    [{ values: {} }, /param values: add at least one column/],
    [{ values: { cost: '0' } }, /param values: no column "cost" in the input/],
    [{ values: { day: 'soon' } }, /param values.day: "soon" is not a DATE, the type of column day/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(fillNullsNode, params, { in: gaps })).rejects.toThrow(message);
  });
});

describe('transform.sql', () => {
  const orders = values(`(1, 10, 5.0), (2, 20, 7.5), (3, 10, 1.0)`, 'id, customer_id, amount');
  const customers = values(`(10, 'Ada'), (20, 'Grace')`, 'customer_id, name');

  it('queries the connected inputs by port name', async () => {
    const query = 'SELECT c.name, sum(o.amount) AS total FROM in1 o JOIN in2 c USING (customer_id) GROUP BY ALL ORDER BY total DESC;';
    const { out } = await h.run(sqlNode, { query }, { in1: orders, in2: customers });
    expect(await h.rows(out)).toEqual({ columns: ['name:VARCHAR', 'total:DECIMAL(38,1)'], rows: [['Grace', '7.5'], ['Ada', '6.0']] });
    expect(h.logs.map((l) => l.message)).toEqual(['over in1, in2: 2 columns (name, total)']);
  });

  it('allows its own WITH, a trailing comment, bound values and no inputs', async () => {
    const query = 'WITH big AS (SELECT * FROM in3 WHERE amount > $min) SELECT id FROM big ORDER BY id -- the big ones';
    const { out } = await h.run(sqlNode, { query, values: { min: 2 } }, { in3: orders });
    expect((await h.rows(out)).rows).toEqual([[1], [2]]);
    const constant = await h.run(sqlNode, { query: `SELECT 42 AS answer` });
    expect(await h.rows(constant.out)).toEqual({ columns: ['answer:INTEGER'], rows: [[42]] });
  });

  it.each([
    [{ query: 'SELECT * FROM in2' }, /param query: Catalog Error: Table with name in2 does not exist/],
    [{ query: 'SELEC 1' }, /param query: Parser Error: syntax error at or near/],
    [{ query: '' }, /param query: must not be empty/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(sqlNode, params, { in1: orders })).rejects.toThrow(message);
  });
});
