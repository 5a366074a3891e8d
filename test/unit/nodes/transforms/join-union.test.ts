import { describe, expect, it } from 'vitest';
import { joinNode } from '../../../../node-library/nodes/transform/join.node';
import { unionNode } from '../../../../node-library/nodes/transform/union.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();
const orders = values(`(1, 10, 'pen', 3), (2, 20, 'ink', 1), (3, 99, 'pad', 2), (4, NULL, 'cap', 1)`, 'order_id, customer_id, name, qty');
const customers = values(`(10, 'Ada', 'GB'), (20, 'Grace', 'US'), (30, 'Alan', 'GB')`, 'id, name, country');
const join = async (kind: string) => {
  const { out } = await h.run(joinNode, { kind, on: { customer_id: 'id' } }, { left: orders, right: customers });
  const { columns, rows } = await h.rows(out);
  return { columns, rows: rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
};

describe('transform.join', () => {
  it('inner: matching pairs; the clashing right column gets the suffix', async () => {
    expect(await join('inner')).toEqual({
      columns: ['order_id:INTEGER', 'customer_id:INTEGER', 'name:VARCHAR', 'qty:INTEGER', 'name_right:VARCHAR', 'country:VARCHAR'],
      rows: [[1, 10, 'pen', 3, 'Ada', 'GB'], [2, 20, 'ink', 1, 'Grace', 'US']],
    });
    expect(h.logs.map((l) => l.message)).toEqual(['inner join on customer_id = id']);
  });

  it('left: every left row, NULLs where nothing matches (NULL keys never match)', async () => {
    expect((await join('left')).rows).toEqual([
      [1, 10, 'pen', 3, 'Ada', 'GB'],
      [2, 20, 'ink', 1, 'Grace', 'US'],
      [3, 99, 'pad', 2, null, null],
      [4, null, 'cap', 1, null, null],
    ]);
  });

  it('right and full: the key comes from whichever side has it', async () => {
    expect((await join('right')).rows).toEqual([
      [1, 10, 'pen', 3, 'Ada', 'GB'],
      [2, 20, 'ink', 1, 'Grace', 'US'],
      [null, 30, null, null, 'Alan', 'GB'],
    ]);
    expect((await join('full')).rows).toEqual([
      [1, 10, 'pen', 3, 'Ada', 'GB'],
      [2, 20, 'ink', 1, 'Grace', 'US'],
      [3, 99, 'pad', 2, null, null],
      [4, null, 'cap', 1, null, null],
      [null, 30, null, null, 'Alan', 'GB'],
    ]);
  });

  it('semi and anti: the left rows with, or without, a match', async () => {
    expect(await join('semi')).toEqual({
      columns: ['order_id:INTEGER', 'customer_id:INTEGER', 'name:VARCHAR', 'qty:INTEGER'],
      rows: [[1, 10, 'pen', 3], [2, 20, 'ink', 1]],
    });
    expect((await join('anti')).rows).toEqual([[3, 99, 'pad', 2], [4, null, 'cap', 1]]);
  });

  it('joins on several key pairs with a custom suffix', async () => {
    const a = values(`(1, 'x', 5), (1, 'y', 6)`, 'k1, k2, v');
    const b = values(`(1, 'y', 60), (1, 'x', 50)`, 'k1, k2, v');
    const { out } = await h.run(joinNode, { on: { k1: 'k1', k2: 'k2' }, suffix: '_b' }, { left: a, right: b });
    const { columns, rows } = await h.rows(out);
    expect(columns).toEqual(['k1:INTEGER', 'k2:VARCHAR', 'v:INTEGER', 'v_b:INTEGER']);
    expect(rows.sort()).toEqual([[1, 'x', 5, 50], [1, 'y', 6, 60]]);
  });

  it.each([
    [{ on: {} }, /param on: add at least one entry/],
    [{ on: { cust: 'id' } }, /param on: no column "cust" in the input; its columns are order_id, customer_id, name, qty/],
    [{ on: { customer_id: 'key' } }, /param on \(right side\): no column "key" in the input; its columns are id, name, country/],
    [{ on: { customer_id: 'id' }, kind: 'outer' }, /param kind: Invalid option: expected one of "inner"\|"left"\|"right"\|"full"\|"semi"\|"anti"/],
    [{ on: { name: 'id' } }, /param on: name is VARCHAR but id is INTEGER; cast one of them first so the keys can be compared/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(joinNode, params, { left: orders, right: customers })).rejects.toThrow(message);
  });

  it('rejects a suffix that clashes again', async () => {
    const a = values(`(1, 2, 3)`, 'k, v, v_right');
    const b = values(`(1, 4)`, 'k, v');
    await expect(h.run(joinNode, { on: { k: 'k' } }, { left: a, right: b })).rejects.toThrow(
      'param suffix: the right column v would become v_right, which is taken too; choose another suffix',
    );
  });
});

describe('transform.union', () => {
  const a = values(`(1, 'x'), (2, 'y')`, 'id, name');
  const b = values(`('z', 3, true), ('x', 1, NULL)`, 'name, id, flag');

  it('stacks rows by column name, NULL where a side lacks the column', async () => {
    const { out } = await h.run(unionNode, {}, { a, b });
    const { columns, rows } = await h.rows(out);
    expect(columns).toEqual(['id:INTEGER', 'name:VARCHAR', 'flag:BOOLEAN']);
    expect(rows.sort()).toEqual([[1, 'x', null], [1, 'x', null], [2, 'y', null], [3, 'z', true]]);
  });

  it('removes duplicates when asked', async () => {
    const { out } = await h.run(unionNode, { distinct: true }, { a, b });
    expect((await h.rows(out)).rows.sort()).toEqual([[1, 'x', null], [2, 'y', null], [3, 'z', true]]);
  });

  it('says which input is missing', async () => {
    await expect(h.run(unionNode, {}, { a })).rejects.toThrow('input b received nothing; connect a table to it');
  });
});
