import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './serve-fixture';

/** A copy of the example under a new id, changed by `edit`, written next to it. */
async function variant(dir: string, id: string, edit: (pipeline: Record<string, unknown>) => void): Promise<void> {
  const pipeline = JSON.parse(await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8')) as Record<string, unknown>;
  pipeline.id = id;
  pipeline.name = id;
  edit(pipeline);
  await writeFile(path.join(dir, `${id}.pipeline.json`), JSON.stringify(pipeline, null, 2));
}

test('shows a failed node, its error and the skipped node downstream', async ({ page, served }, testInfo) => {
  await variant(served.dir, 'bad-filter', (p) => {
    const nodes = p.nodes as { id: string; params: Record<string, unknown> }[];
    nodes.find((n) => n.id === 'filter_big')!.params.condition = 'no_such_column > 1';
    delete p.layout; // and the canvas places the nodes itself
  });
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-bad-filter').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('rf__node-read_orders').locator('.pw-node')).toHaveAttribute('data-state', 'succeeded');
  await expect(page.getByTestId('rf__node-filter_big').locator('.pw-node')).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('rf__node-write_big').locator('.pw-node')).not.toHaveAttribute('data-state', /succeeded|running|pending/);

  await page.getByTestId('rf__node-filter_big').click();
  await page.getByTestId('panel-tab-error').click();
  await expect(page.getByTestId('node-error')).toContainText('no_such_column');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'run-failed.png') });
});

test('opens a pipeline with graph problems, lists them, and refuses to run it', async ({ page, served }, testInfo) => {
  await variant(served.dir, 'broken', (p) => {
    (p.edges as { to: { node: string } }[])[0].to.node = 'nowhere';
  });
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-broken').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.getByTestId('problems-panel')).toContainText('edge e1 points to missing node nowhere');
  await expect(page.getByTestId('problems-panel')).toContainText('node filter_big: input in is not connected');
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('error-banner')).toContainText('Fix these problems before running');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'invalid-pipeline.png') });
});
