import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { canvasPositions, connectPorts, dropNode, mod, newPipeline, selectNode, typeCode } from './editor-actions';
import { expect, test } from './serve-fixture';

test('builds big-orders from an empty pipeline by drag and drop, saves, reopens identical, runs', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await newPipeline(page, 'Built orders');
  await expect(page.getByTestId('canvas-empty-hint')).toBeVisible();
  const file = path.join(served.dir, 'built-orders.pipeline.json');

  await dropNode(page, 'source.read_csv', { x: 160, y: 160 });
  await dropNode(page, 'transform.filter', { x: 440, y: 160 });
  await dropNode(page, 'sink.write_csv', { x: 720, y: 160 });
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
  await expect(page.getByTestId('node-problems-read_csv_1')).toBeVisible(); // no path yet

  await selectNode(page, 'read_csv_1');
  await page.getByTestId('inspector-label').fill('Read orders');
  // The path field offers the folder's CSV files; typing narrows them, a click picks one.
  await page.getByTestId('param-path').click();
  await expect(page.getByTestId('param-path-file')).toContainText(['data/covid-daily.csv', 'data/orders.csv']);
  await page.keyboard.type('data/');
  await expect(page.getByTestId('param-path-file')).toHaveText(['data/covid-daily.csv', 'data/orders.csv', 'data/products.csv', 'data/raw-orders.csv', 'data/sales.csv']);
  await page.getByTestId('param-path-file').filter({ hasText: /^data\/orders\.csv$/ }).click();
  await expect(page.getByTestId('param-path')).toHaveValue('data/orders.csv');
  await expect(page.getByTestId('param-path-file')).toHaveCount(0); // nothing else matches what is there
  await selectNode(page, 'filter_1');
  await page.getByTestId('inspector-label').fill('Keep orders over 100');
  await expect(page.getByTestId('param-condition-error')).toContainText('required, set a value');
  await typeCode(page, 'param-condition', 'amount > 100');
  await selectNode(page, 'write_csv_1');
  await page.getByTestId('inspector-label').fill('Write big orders');
  await page.getByTestId('param-path').fill('out/big-orders.csv');

  await connectPorts(page, 'read_csv_1.out', 'filter_1.in');
  await connectPorts(page, 'filter_1.out', 'write_csv_1.in');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.getByTestId('problems-count')).toHaveText('0');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'built-pipeline.png') });

  await page.keyboard.press(`${mod}+s`);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  const { layout, ...logic } = saved;
  expect(logic).toEqual({
    format: 'pipewright/pipeline@1',
    id: 'built-orders',
    name: 'Built orders',
    description: '',
    params: {},
    nodes: [
      { id: 'read_csv_1', type: 'source.read_csv', version: 1, label: 'Read orders', params: { path: 'data/orders.csv' } },
      { id: 'filter_1', type: 'transform.filter', version: 1, label: 'Keep orders over 100', params: { condition: 'amount > 100' } },
      { id: 'write_csv_1', type: 'sink.write_csv', version: 1, label: 'Write big orders', params: { path: 'out/big-orders.csv' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'read_csv_1', port: 'out' }, to: { node: 'filter_1', port: 'in' } },
      { id: 'e2', from: { node: 'filter_1', port: 'out' }, to: { node: 'write_csv_1', port: 'in' } },
    ],
  });
  // Positions live in layout only, on the 20 px grid, left to right as dropped.
  expect(Object.keys(layout)).toEqual(['filter_1', 'read_csv_1', 'write_csv_1']);
  for (const at of Object.values(layout) as { x: number; y: number }[]) expect([at.x % 20, at.y % 20]).toEqual([0, 0]);
  expect(layout.read_csv_1.x).toBeLessThan(layout.filter_1.x);
  expect(layout.filter_1.x).toBeLessThan(layout.write_csv_1.x);
  const text = await readFile(file, 'utf8');
  const before = await canvasPositions(page);
  expect(Object.values(before)).toHaveLength(3);

  await page.reload();
  await page.getByTestId('pipeline-list-item-built-orders').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.getByTestId('node-label-filter_1')).toHaveText('Keep orders over 100');
  expect(await canvasPositions(page)).toEqual(before);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  // Saving the reopened pipeline writes the same bytes.
  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-save').click();
  await expect.poll(() => readFile(file, 'utf8')).toBe(text);

  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });
  const states = await page.locator('.react-flow__node .pw-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
  expect(states).toEqual(['succeeded', 'succeeded', 'succeeded']);
  const csv = await readFile(path.join(served.dir, 'out/big-orders.csv'), 'utf8');
  expect(csv.trim().split(/\r?\n/)).toHaveLength(6);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'built-pipeline-run.png') });
});
