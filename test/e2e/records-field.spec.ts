import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { connectPorts, dropNode, mod, selectNode } from './editor-actions';
import { expect, test } from './serve-fixture';

const runTimeout = { timeout: 60_000 };

test('aggregations and expectations are filled in as forms, saved as the same JSON, and run', async ({ page, served }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', runTimeout);

  // An aggregate after the filter: group by a column the preview offers, then two aggregations.
  await dropNode(page, 'transform.aggregate', { x: 440, y: 440 });
  await connectPorts(page, 'filter_big.out', 'aggregate_1.in');
  await selectNode(page, 'aggregate_1');
  await page.getByTestId('param-groupBy-suggestion-country').click();
  await page.getByTestId('param-aggregations-add').click();
  await expect(page.getByTestId('param-aggregations-0-op')).toHaveValue('count');
  await page.getByTestId('param-aggregations-0-as').fill('orders');
  await page.getByTestId('param-aggregations-add').click();
  await page.getByTestId('param-aggregations-1-op').selectOption('sum');
  // A problem inside a record says which one, counting as a person does.
  await expect(page.getByTestId('param-aggregations-error')).toHaveText('#2 column: this op needs a column');
  // The column field suggests the upstream columns.
  await expect(page.getByTestId('param-aggregations-field').locator('datalist option[value="amount"]')).toHaveCount(1);
  await page.getByTestId('param-aggregations-1-column').click();
  await page.keyboard.type('amount');
  await page.getByTestId('param-aggregations-1-as').fill('total');
  await expect(page.getByTestId('problems-count')).toHaveText('0');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'records-aggregations.png') });

  // JSON is one click away, and says the same.
  await page.getByTestId('param-aggregations-as-json').click();
  expect(JSON.parse(await page.getByTestId('param-aggregations').inputValue())).toEqual([
    { op: 'count', as: 'orders' },
    { op: 'sum', column: 'amount', as: 'total' },
  ]);
  await page.getByTestId('param-aggregations-as-form').click();
  await expect(page.getByTestId('param-aggregations-1-column')).toHaveValue('amount');

  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', runTimeout);
  await selectNode(page, 'aggregate_1');
  await page.getByTestId('panel-tab-preview').click();
  const rows = page.getByTestId('preview-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(/GB\s*2\s*1450/);
  await expect(rows.nth(1)).toContainText(/NL\s*1\s*310\.25/);
  await expect(rows.nth(2)).toContainText(/US\s*2\s*1415\.4/);

  // An expectation: its type decides its fields, and a new type drops what it takes no field for.
  await dropNode(page, 'quality.expect', { x: 160, y: 440 });
  await selectNode(page, 'expect_1');
  await page.getByTestId('param-expectations-add').click();
  await page.getByTestId('param-expectations-0-type').selectOption('in_set');
  await page.getByTestId('param-expectations-0-column').fill('country');
  await page.getByTestId('param-expectations-0-values').click();
  await page.keyboard.type('GB, NL, 3');
  await expect(page.getByTestId('param-expectations-0-values')).toHaveValue('GB, NL, 3');
  await page.getByTestId('param-expectations-0-severity').selectOption('warn');
  await page.keyboard.press(`${mod}+s`);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  const saved = async () => JSON.parse(await readFile(path.join(served.dir, 'big-orders.pipeline.json'), 'utf8'));
  const expectNode = (file: { nodes: { id: string; params: Record<string, unknown> }[] }) => file.nodes.find((n) => n.id === 'expect_1')!;
  expect(expectNode(await saved()).params.expectations).toEqual([{ type: 'in_set', column: 'country', values: ['GB', 'NL', 3], severity: 'warn' }]);

  await page.getByTestId('param-expectations-0-type').selectOption('row_count_between');
  await expect(page.getByTestId('param-expectations-0-column')).toHaveCount(0);
  await page.getByTestId('param-expectations-0-min').fill('1');
  await page.keyboard.press(`${mod}+s`);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  expect(expectNode(await saved()).params.expectations).toEqual([{ type: 'row_count_between', min: 1, severity: 'warn' }]);
  expect((await saved()).nodes.find((n: { id: string }) => n.id === 'aggregate_1').params).toEqual({
    groupBy: ['country'],
    aggregations: [
      { op: 'count', as: 'orders' },
      { op: 'sum', column: 'amount', as: 'total' },
    ],
  });
});
