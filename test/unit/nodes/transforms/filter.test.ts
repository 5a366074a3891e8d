import { describe, expect, it } from 'vitest';
import { filterNode } from '../../../../node-library/nodes/transform/filter.node';
import { nodeHarness, values } from './harness';

const h = nodeHarness();
const cases = values(`('GB', 5), ('US', 7), ('GB', 3)`, 'country, cases');

describe('transform.filter', () => {
  it('binds $name values as literals, e.g. a run parameter', async () => {
    const { out } = await h.run(filterNode, { condition: 'country = $country AND cases > $min', values: { country: 'GB', min: 4 } }, { in: cases });
    expect(await h.rows(out)).toEqual({ columns: ['country:VARCHAR', 'cases:INTEGER'], rows: [['GB', 5]] });
    expect(h.logs.map((l) => l.message)).toEqual([`kept 1 rows where country = 'GB' AND cases > 4`]);
  });

  it('leaves $ inside strings and quoted names alone, and quotes values safely', async () => {
    const condition = `country || '$x' = $c || '$x' /* not $this */ -- nor $that\n OR "cases" = $n`;
    const { out } = await h.run(filterNode, { condition, values: { c: "G'B", n: 7 } }, { in: cases });
    expect((await h.rows(out)).rows).toEqual([['US', 7]]);
  });

  it('takes a condition that ends in a -- comment', async () => {
    const { out } = await h.run(filterNode, { condition: 'cases > 6 -- the big ones' }, { in: cases });
    expect((await h.rows(out)).rows).toEqual([['US', 7]]);
  });

  it.each([
    [{ condition: 'country = $country' }, /param condition: \$country has no value; add it under values/],
    [{ condition: 'country = $country', values: { place: 'GB' } }, /param condition: \$country has no value; the values are \$place/],
    [{ condition: 'x = $v', values: { v: [1] } }, /param values.v: Invalid input/],
  ])('rejects %j', async (params, message) => {
    await expect(h.run(filterNode, params, { in: cases })).rejects.toThrow(message);
  });
});
