import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { selectNode } from './editor-actions';
import { expect, test } from './serve-fixture';

const runTimeout = { timeout: 60_000 };

test('a JSON output as a tree, and logs searched and filtered by level', async ({ page, served }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-clean-orders').click();
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', runTimeout);

  await selectNode(page, 'check_orders');
  await page.getByTestId('panel-tab-preview').click();
  await page.getByTestId('preview-port').selectOption('report');
  await expect(page.getByTestId('json-tree')).toBeVisible();
  await expect(page.getByTestId('json-tree')).toContainText('valid: 9');
  await expect(page.getByTestId('json-tree')).not.toContainText('not_null');
  await page.getByTestId('json-toggle-$.expectations.1').click();
  await expect(page.getByTestId('json-tree')).toContainText('not_null');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'run-panels-json.png') });

  await page.getByTestId('panel-tab-logs').click();
  const lines = page.getByTestId('logs-tab').locator('.pw-log-line');
  const all = await lines.count();
  expect(all).toBeGreaterThan(2);
  await page.getByTestId('log-search').fill('valid email');
  await expect(lines).not.toHaveCount(all);
  for (const line of await lines.all()) await expect(line).toContainText(/valid email/i);
  await page.getByTestId('log-search').fill('');
  await expect(lines).toHaveCount(all);
  for (const level of ['debug', 'info', 'warn', 'error']) await page.getByTestId(`log-level-${level}`).uncheck();
  await expect(lines).toHaveCount(0);
  await expect(page.getByTestId('log-count')).toContainText(`0 of ${all} lines`);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'run-panels-logs.png') });
});

test('a node that retries: each attempt with its error, and its retries on the timeline', async ({ page, served }, testInfo) => {
  test.setTimeout(120_000);
  const pipeline = JSON.parse(await readFile(path.join(served.dir, 'big-orders.pipeline.json'), 'utf8')) as { id: string; name: string; nodes: Record<string, unknown>[] };
  pipeline.id = 'flaky-orders';
  pipeline.name = 'Flaky orders';
  Object.assign(pipeline.nodes.find((n) => n.id === 'filter_big')!, { params: { condition: 'missing_column > 1' }, retries: 2, retryDelayMs: 200 });
  await writeFile(path.join(served.dir, 'flaky-orders.pipeline.json'), JSON.stringify(pipeline, null, 2));

  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-flaky-orders').click();
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'failed', runTimeout);
  await selectNode(page, 'filter_big');
  await page.getByTestId('panel-tab-attempts').click();
  const attempts = page.getByTestId('attempt-row');
  await expect(attempts).toHaveCount(3);
  for (const attempt of await attempts.all()) await expect(attempt).toContainText('missing_column');

  await page.getByTestId('runs-view-open').click();
  await page.getByTestId('runs-list').locator('[data-run-state="failed"]').first().click();
  await page.getByTestId('past-run-tab-timeline').click();
  const filterRow = page.getByTestId('timeline-row-filter_big');
  await expect(filterRow.locator('.pw-timeline__bar--attempt')).toHaveCount(3);
  await expect(filterRow.locator('.pw-timeline__bar--wait[data-state="retrying"]')).toHaveCount(2);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'run-panels-retries.png') });
});

test('runs one node on the stored outputs upstream, and the Runs view says which part ran', async ({ page, served }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', runTimeout);

  await selectNode(page, 'write_big');
  await page.getByTestId('run-node').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', runTimeout);
  await expect(page.getByTestId('rf__node-write_big').locator('.pw-node')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('rf__node-write_big')).not.toContainText('cached');
  // Upstream did not run again: its output is the first run's, and its one record here is that reuse.
  await expect(page.getByTestId('rf__node-filter_big')).toContainText('cached');
  await page.getByTestId('panel-tab-attempts').click();
  await expect(page.getByTestId('attempt-row')).toHaveCount(1);
  await expect(page.getByTestId('attempt-row')).not.toContainText('cached');
  await selectNode(page, 'filter_big');
  await expect(page.getByTestId('attempt-row')).toHaveCount(1);
  await expect(page.getByTestId('attempt-row')).toContainText('cached');

  await page.getByTestId('runs-view-open').click();
  const rows = page.getByTestId('runs-list').locator('[data-run-state]');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('node write_big');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'run-panels-partial.png') });
});
