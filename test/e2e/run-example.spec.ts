import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './serve-fixture';

test('opens and runs the big-orders example', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();

  // The drawn node carries its run state.
  const nodes = page.locator('.react-flow__node .pw-node');
  await expect(nodes).toHaveCount(3);
  for (const node of await nodes.all()) await expect(node).toHaveAttribute('data-state', 'pending');

  await page.getByTestId('run-pipeline').click();
  await expect(async () => {
    const states = await nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
    expect(states).toEqual(['succeeded', 'succeeded', 'succeeded']);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded');

  await page.getByTestId('rf__node-filter_big').click();
  await page.getByTestId('panel-tab-logs').click();
  await expect(page.getByTestId('node-logs')).toContainText('kept 5 rows where amount > 100');

  const csv = await readFile(path.join(served.dir, 'out/big-orders.csv'), 'utf8');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toBe('order_id,customer,country,amount,ordered_at');
  expect(rows.map((row) => row.split(',')[0])).toEqual(['1001', '1003', '1005', '1008', '1010']);

  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'run-example.png') });
});

test('refuses a request without the token', async ({ request, served }) => {
  const response = await request.get(`${served.origin}/`);
  expect(response.status()).toBe(403);
});
