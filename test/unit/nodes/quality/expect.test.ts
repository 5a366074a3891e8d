import { describe, expect, it } from 'vitest';
import { table } from '../../../../node-library/data/table';
import { expectNode } from '../../../../node-library/nodes/quality/expect.node';
import { nodeHarness, values } from '../transforms/harness';

const h = nodeHarness();
const orders = values(
  `(1, 'ada@x.org', 250.0, 'GB'), (2, NULL, 75.5, 'US'), (3, 'alan@x', -5.0, 'GB'), (3, 'kj@x.org', 99.0, 'FR'), (5, 'e@x.org', 10.0, NULL)`,
  'id, email, amount, country',
);
const warn = (e: object) => ({ ...e, severity: 'warn' });
const messages = () => h.logs.map((l) => `${l.level}: ${l.message}`);

describe('quality.expect', () => {
  it('splits rows into valid and invalid, naming what each broke, and logs counts and samples', async () => {
    const expectations = [
      warn({ type: 'not_null', column: 'email' }),
      warn({ type: 'unique', column: 'id' }),
      warn({ type: 'in_range', column: 'amount', min: 0, max: 1000 }),
      warn({ type: 'matches_regex', column: 'email', pattern: '^[^@]+@[^@]+\\.[a-z]+$', name: 'email format' }),
      warn({ type: 'in_set', column: 'country', values: ['GB', 'US', 'FR'] }),
      warn({ type: 'row_count_between', min: 1, max: 3 }),
      { type: 'sql', condition: 'amount < 500' },
    ];
    const { valid, invalid, report } = await h.run(expectNode, { expectations, sampleSize: 1 }, { in: orders });
    expect(await h.rows(valid)).toEqual({
      columns: ['id:INTEGER', 'email:VARCHAR', 'amount:DECIMAL(4,1)', 'country:VARCHAR'],
      rows: [[1, 'ada@x.org', '250.0', 'GB'], [5, 'e@x.org', '10.0', null]],
    });
    expect(await h.rows(invalid)).toEqual({
      columns: ['id:INTEGER', 'email:VARCHAR', 'amount:DECIMAL(4,1)', 'country:VARCHAR', 'failed_expectations:VARCHAR'],
      rows: [
        [2, null, '75.5', 'US', 'not_null(email)'],
        [3, 'alan@x', '-5.0', 'GB', 'unique(id); in_range(amount); email format'],
        [3, 'kj@x.org', '99.0', 'FR', 'unique(id)'],
      ],
    });
    expect(messages()).toEqual([
      'warn: not_null(email) [warn]: 1 of 5 rows violate (expected no NULLs); e.g. {"id":2,"email":null,"amount":"75.5","country":"US"}',
      'warn: unique(id) [warn]: 2 of 5 rows violate (expected each value once); e.g. {"id":3,"email":"alan@x","amount":"-5.0","country":"GB"}',
      'warn: in_range(amount) [warn]: 1 of 5 rows violate (expected between 0 and 1000); e.g. {"id":3,"email":"alan@x","amount":"-5.0","country":"GB"}',
      'warn: email format [warn]: 1 of 5 rows violate (expected matches /^[^@]+@[^@]+\\.[a-z]+$/); e.g. {"id":3,"email":"alan@x","amount":"-5.0","country":"GB"}',
      'info: in_set(country) [warn]: passed (5 rows)',
      'warn: row_count_between [warn]: 5 rows, expected between 1 and 3 rows',
      'info: sql_7 [fail]: passed (5 rows)',
    ]);
    expect(report).toMatchObject({ rows: 5, valid: 2, invalid: 3 });
    expect((report as { expectations: { name: string; violations: number; passed: boolean }[] }).expectations.map((e) => [e.name, e.violations, e.passed])).toEqual([
      ['not_null(email)', 1, false],
      ['unique(id)', 2, false],
      ['in_range(amount)', 1, false],
      ['email format', 1, false],
      ['in_set(country)', 0, true],
      ['row_count_between', 5, false],
      ['sql_7', 0, true],
    ]);
  });

  it('keeps input order with a unique check on a large input', async () => {
    const many = table('SELECT range AS id, range % 1000 AS k FROM range(100000)');
    const { valid, invalid } = await h.run(expectNode, { expectations: [{ type: 'unique', columns: ['k', 'id'] }, warn({ type: 'unique', column: 'k' })] }, { in: many });
    expect((await h.rows(valid)).rows).toEqual([]);
    const ids = (await h.rows(invalid)).rows.map((r) => r[0]);
    expect(ids).toEqual(Array.from({ length: 100000 }, (_, i) => i));
  });

  it('fails with the counts of every failed expectation and outputs nothing', async () => {
    const expectations = [{ type: 'not_null', column: 'email' }, warn({ type: 'unique', column: 'id' }), { type: 'row_count_between', max: 2 }, { type: 'in_set', column: 'country', values: ['GB'] }];
    await expect(h.run(expectNode, { expectations }, { in: orders })).rejects.toThrow(
      '3 expectations failed: not_null(email): 1 of 5 rows violate (expected no NULLs); row_count_between: 5 rows, expected at most 2 rows; in_set(country): 2 of 5 rows violate (expected one of GB)',
    );
    expect(h.logs.map((l) => l.level)).toEqual(['error', 'warn', 'error', 'error']);
  });

  it.each([
    [[], /param expectations: add at least one expectation/],
    [[{ type: 'not_empty', column: 'id' }], /param expectations.0.type: Invalid discriminator value. Expected 'not_null' \| 'unique' \| 'in_range'/],
    [[{ type: 'not_null' }], /param expectations.0.column: Invalid input: expected string, received undefined/],
    [[{ type: 'not_null', column: 'mail' }], /param expectations.0.column: no column "mail" in the input; its columns are id, email, amount, country/],
    [[{ type: 'unique', column: 'id', columns: ['id'] }], /param expectations.0.columns: give either column or columns/],
    [[{ type: 'in_range', column: 'amount' }], /param expectations.0.min: give min, max or both/],
    [[{ type: 'in_set', column: 'country', values: [] }], /param expectations.0.values: list at least one value/],
    [[{ type: 'not_null', column: 'id', severity: 'error' }], /param expectations.0.severity: Invalid option: expected one of "fail"\|"warn"/],
    [[{ type: 'not_null', column: 'id' }, { type: 'not_null', column: 'id' }], /param expectations.1.name: "not_null\(id\)" names two expectations/],
    [[{ type: 'not_null', column: 'id' }, { type: 'sql', condition: 'price > 0' }], /param expectations.1: Binder Error: Referenced column "price" not found/],
    [[{ type: 'matches_regex', column: 'email', pattern: '(' }], /param expectations.0: Invalid Input Error: missing \): \(/],
  ])('rejects expectations %j', async (expectations, message) => {
    await expect(h.run(expectNode, { expectations }, { in: orders })).rejects.toThrow(message);
  });

  it('rejects a reason column the input already has', async () => {
    await expect(h.run(expectNode, { expectations: [{ type: 'not_null', column: 'id' }], reasonColumn: 'email' }, { in: orders })).rejects.toThrow(
      'param reasonColumn: email is already a column of the input; choose another name',
    );
  });
});
