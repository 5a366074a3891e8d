import { describe, expect, it } from 'vitest';
import { inlineNode } from '../../../../node-library/nodes/source/inline.node';
import { paramNode } from '../../../../node-library/nodes/source/param.node';
import { sourceHarness } from './harness';

const h = sourceHarness();

describe('source.inline', () => {
  it('makes a table of typed columns and hand-typed rows', async () => {
    const { out } = await h.run(inlineNode, {
      table: {
        columns: [
          { name: 'code', type: 'VARCHAR' },
          { name: 'rate', type: 'DECIMAL(5,2)' },
          { name: 'since', type: 'DATE' },
          { name: 'active', type: 'BOOLEAN' },
          { name: 'tags', type: 'VARCHAR[]' },
        ],
        rows: [
          ['GB', 1.25, '2020-01-01', true, ['a', 'b']],
          ["O'Neil", null, null, false, []],
        ],
      },
    });
    expect(await h.rows(out)).toEqual({
      columns: ['code:VARCHAR', 'rate:DECIMAL(5,2)', 'since:DATE', 'active:BOOLEAN', 'tags:VARCHAR[]'],
      rows: [
        ['GB', '1.25', '2020-01-01', true, ['a', 'b']],
        ["O'Neil", null, null, false, []],
      ],
    });
  });

  it('makes an empty table with the columns when there are no rows', async () => {
    const { out } = await h.run(inlineNode, { table: { columns: [{ name: 'id', type: 'INTEGER' }], rows: [] } });
    expect(await h.rows(out)).toEqual({ columns: ['id:INTEGER'], rows: [] });
  });

  it.each([
    [{ columns: [{ name: 'id', type: 'INTEGER' }], rows: [[1, 2]] }, /row 1 has 2 values; the table has 1 columns/],
    [{ columns: [{ name: 'id', type: 'INTEGER); DROP TABLE x; --' }], rows: [] }, /a DuckDB type such as/],
    [{ columns: [{ name: 'a', type: 'INTEGER' }, { name: 'A', type: 'INTEGER' }], rows: [] }, /column A is listed twice/],
    [{ columns: [{ name: 'id', type: 'INTEGER' }], rows: [['x']] }, /param table: Conversion Error: Could not convert string 'x' to INT32/],
  ])('rejects %j', async (value, message) => {
    await expect(h.run(inlineNode, { table: value })).rejects.toThrow(message);
  });
});

describe('source.param', () => {
  it("outputs a run parameter's value", async () => {
    expect(await h.run(paramNode, { name: 'country' }, {}, { runParams: { country: 'GB', limit: 5 } })).toEqual({ out: 'GB' });
    expect(await h.run(paramNode, { name: 'limit' }, {}, { runParams: { country: 'GB', limit: 5 } })).toEqual({ out: 5 });
  });

  it('names the parameters there are when the name is unknown', async () => {
    await expect(h.run(paramNode, { name: 'nope' }, {}, { runParams: { country: 'GB' } })).rejects.toThrow('param name: the pipeline has no run parameter nope; its parameters are country');
  });
});
