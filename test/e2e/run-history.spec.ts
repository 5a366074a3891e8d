import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { selectNode, typeCode } from './editor-actions';
import { expect, test } from './serve-fixture';

const runTimeout = { timeout: 60_000 };

/** big-orders under a new id, with a filter that names a column the orders do not have. */
async function failingVariant(dir: string): Promise<void> {
  const pipeline = JSON.parse(await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8')) as { id: string; name: string; nodes: { id: string; params: Record<string, unknown> }[] };
  pipeline.id = 'bad-orders';
  pipeline.name = 'Bad orders';
  pipeline.nodes.find((n) => n.id === 'filter_big')!.params.condition = 'no_such_column > 100';
  await writeFile(path.join(dir, 'bad-orders.pipeline.json'), JSON.stringify(pipeline, null, 2));
}

/** A drawn node, where its run state shows. */
const node = (page: Page, id: string) => page.getByTestId(`rf__node-${id}`).locator('.pw-node');

async function openRunsView(page: Page): Promise<void> {
  await page.getByTestId('runs-view-open').click();
  await expect(page.getByTestId('runs-view')).toBeVisible();
}

test('a failing node: its error, skipped downstream, fix and resume, then the runs survive a reload and a server restart', async ({ page, served }, testInfo) => {
  test.setTimeout(240_000);
  const shot = (name: string) => page.screenshot({ path: path.join(testInfo.project.outputDir, `${name}.png`) });
  await failingVariant(served.dir);
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-bad-orders').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  // The run fails at the filter; the writer downstream is skipped and says why.
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'failed', runTimeout);
  await expect(node(page, 'read_orders')).toHaveAttribute('data-state', 'succeeded');
  await expect(node(page, 'filter_big')).toHaveAttribute('data-state', 'failed');
  await expect(node(page, 'write_big')).toHaveAttribute('data-state', 'skipped');
  await selectNode(page, 'write_big');
  await expect(page.getByTestId('panel-node-reason')).toContainText(/filter_big|upstream/);

  // The Error tab: the message, and the user's line with a way to it.
  await selectNode(page, 'filter_big');
  await page.getByTestId('panel-tab-error').click();
  await expect(page.getByTestId('node-error')).toContainText('no_such_column');
  await expect(page.getByTestId('error-line')).toHaveText('line 1');
  await shot('run-history-error');
  // The condition's editor (Monaco, loaded on first show) takes the focus, ready to fix the line.
  await expect(page.getByTestId('param-condition').locator('.monaco-editor')).toBeVisible();
  await page.getByTestId('open-error-line').click();
  await expect(page.getByTestId('param-condition').locator('textarea')).toBeFocused();

  // The preview of the node that succeeded: all ten rows, typed columns, sortable and filterable.
  await selectNode(page, 'read_orders');
  await page.getByTestId('panel-tab-preview').click();
  await expect(page.getByTestId('preview-total')).toContainText('10 rows');
  await expect(page.getByTestId('preview-column-amount')).toContainText(/DOUBLE|INTEGER|BIGINT|DECIMAL/);
  await expect(page.getByTestId('preview-row')).toHaveCount(10);
  await page.getByTestId('preview-column-order_id').click();
  await page.getByTestId('preview-column-order_id').click(); // descending
  await expect(page.getByTestId('preview-row').first()).toContainText('1010');
  await page.getByTestId('preview-filter').fill('1003');
  await expect(page.getByTestId('preview-row')).toHaveCount(1);
  await page.getByTestId('preview-filter').fill('');
  await page.getByTestId('preview-chart-column').selectOption('country');
  await expect(page.getByTestId('preview-chart')).toHaveAttribute('data-kind', 'bars');
  await shot('run-history-preview');

  // Fix the condition and resume: only the failed node and what is downstream run again.
  await selectNode(page, 'filter_big');
  await typeCode(page, 'param-condition', 'amount > 100');
  await page.getByTestId('resume-run').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', runTimeout);
  await expect(node(page, 'filter_big')).toHaveAttribute('data-state', 'succeeded');
  await expect(node(page, 'write_big')).toHaveAttribute('data-state', 'succeeded');
  await expect(node(page, 'read_orders')).toContainText('cached');
  await expect(node(page, 'filter_big')).not.toContainText('cached');
  await selectNode(page, 'filter_big');
  await page.getByTestId('panel-tab-logs').click();
  await expect(page.getByTestId('logs-tab')).toContainText('kept 5 rows where amount > 100');
  await page.getByTestId('panel-tab-attempts').click();
  await expect(page.getByTestId('attempt-row')).toHaveCount(1);
  await shot('run-history-resumed');

  // Both runs are in the Runs view, after a reload and after the server restarts.
  const expectBothRuns = async () => {
    await openRunsView(page);
    await page.getByTestId('runs-filter-pipeline').selectOption('bad-orders');
    const rows = page.getByTestId('runs-list').locator('[data-run-state]');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-run-state', 'succeeded');
    await expect(rows.nth(1)).toHaveAttribute('data-run-state', 'failed');
  };
  await expectBothRuns();
  await page.reload();
  await expectBothRuns();
  await page.goto(await served.restart());
  await expectBothRuns();
  await page.getByTestId('runs-filter-state').selectOption('failed');
  await expect(page.getByTestId('runs-list').locator('[data-run-state]')).toHaveCount(1);

  // The failed run opens as it ran: the old condition, its states, its error, read-only.
  await page.getByTestId('runs-list').locator('[data-run-state="failed"]').click();
  const snapshot = page.getByTestId('run-snapshot-canvas');
  await expect(snapshot.getByTestId('rf__node-filter_big').locator('.pw-node')).toHaveAttribute('data-state', 'failed');
  await expect(snapshot.getByTestId('rf__node-write_big').locator('.pw-node')).toHaveAttribute('data-state', 'skipped');
  await expect(page.getByTestId('past-run-failed')).toContainText('filter_big');
  await snapshot.getByTestId('node-label-filter_big').click();
  await page.getByTestId('panel-tab-error').click();
  await expect(page.getByTestId('node-error')).toContainText('no_such_column');
  await shot('run-history-past-run');

  // Its timeline: one bar per node.
  await page.getByTestId('past-run-tab-timeline').click();
  for (const id of ['read_orders', 'filter_big', 'write_big']) await expect(page.getByTestId(`timeline-row-${id}`).getByTestId('timeline-bar').first()).toBeVisible();
  await expect(page.getByTestId('timeline').locator('[data-testid^="timeline-row-"]')).toHaveCount(3);
  await shot('run-history-timeline');

  // Compared with the resumed run: the filter failed here and succeeded there.
  await page.getByTestId('past-run-tab-compare').click();
  await expect(page.getByTestId('compare-params')).toHaveText('Same parameters.');
  await expect(page.getByTestId('compare-row-filter_big')).toContainText('failed');
  await expect(page.getByTestId('compare-row-filter_big')).toContainText('succeeded');
  await shot('run-history-compare');
});
