import { existsSync } from 'node:fs';
import path from 'node:path';
import { dragWire, mod, newPipeline, selectNode, typeCode } from './editor-actions';
import { expect, test } from './serve-fixture';

test('palette search, quick add by double-click and `/`, and a wire dropped on empty canvas', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await newPipeline(page, 'Quick');

  await page.getByTestId('palette-search').fill('filter rows');
  await expect(page.getByTestId('palette-item-transform.filter')).toBeVisible();
  await expect(page.getByTestId('palette-item-source.read_csv')).toHaveCount(0);
  await page.getByTestId('palette-search').fill('');

  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await page.mouse.dblclick(canvas.x + 200, canvas.y + 200);
  await expect(page.getByTestId('quick-add')).toBeVisible();
  await page.getByTestId('quick-add-search').fill('read csv');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'quick-add.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rf__node-read_csv_1')).toBeVisible();
  const read = (await page.getByTestId('rf__node-read_csv_1').boundingBox())!;
  expect(Math.abs(read.x - (canvas.x + 200))).toBeLessThan(40);

  await page.mouse.move(canvas.x + 480, canvas.y + 200);
  await page.keyboard.press('/');
  await page.getByTestId('quick-add-item-transform.filter').click();
  await expect(page.getByTestId('rf__node-filter_1')).toBeVisible();

  // A wire from filter_1's output dropped on empty canvas offers only types with a table input.
  const out = (await page.getByTestId('port-filter_1-out-out').boundingBox())!;
  await dragWire(page, 'port-filter_1-out-out', 'port-filter_1-out-out');
  await page.mouse.move(out.x + 60, out.y + 160, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('quick-add')).toBeVisible();
  await expect(page.getByTestId('quick-add-item-source.read_csv')).toHaveCount(0);
  await page.getByTestId('quick-add-item-sink.write_csv').click();
  await expect(page.getByTestId('rf__node-write_csv_1')).toBeVisible();
  await expect(page.getByTestId('rf__edge-e1')).toHaveAttribute('aria-label', /filter_1 to write_csv_1/);
});

test('command palette, shortcut sheet, theme switch', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-sheet')).toContainText('Undo');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'shortcut-sheet.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0);

  const theme = await page.locator('html').getAttribute('data-theme');
  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-palette-search').fill('dark theme');
  await expect(page.getByTestId('command-toggle-theme')).toBeVisible();
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'command-palette.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('command-palette')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme === 'dark' ? 'light' : 'dark');
  await page.getByTestId('toggle-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme ?? 'light');
});

test('leaving unsaved changes asks first; delete asks and removes the file', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await selectNode(page, 'filter_big');
  await page.getByTestId('inspector-label').fill('Changed');
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();

  await page.getByTestId('new-pipeline').click();
  await expect(page.getByTestId('dialog')).toContainText('Save changes to “Big orders”?');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'confirm-leave.png') });
  await page.getByTestId('dialog-cancel').click();
  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Big orders');
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();

  await page.getByTestId('new-pipeline').click();
  await page.getByTestId('dialog-discard').click();
  await page.getByTestId('dialog-input').fill('Other');
  await page.getByTestId('dialog-create').click();
  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Other');
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await expect(page.getByTestId('node-label-filter_big')).toHaveText('Keep orders over 100');

  await page.getByTestId('pipeline-menu-other').click();
  await page.getByTestId('delete-pipeline-other').click();
  await expect(page.getByTestId('dialog')).toContainText('Delete “Other”?');
  await page.getByTestId('dialog-delete').click();
  await expect(page.getByTestId('pipeline-list-item-other')).toHaveCount(0);
  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Big orders');
  expect(existsSync(path.join(served.dir, 'other.pipeline.json'))).toBe(false);
  expect(existsSync(path.join(served.dir, 'big-orders.pipeline.json'))).toBe(true);
});

test('problems show as you edit; clicking one focuses the node and its field', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await expect(page.getByTestId('problems-count')).toHaveText('0');
  await selectNode(page, 'filter_big');
  await typeCode(page, 'param-condition', '');
  await expect(page.getByTestId('problems-count')).toHaveText('1');
  await expect(page.getByTestId('node-problems-filter_big')).toHaveText('1');
  await expect(page.getByTestId('param-condition-error')).toBeVisible();
  await selectNode(page, 'read_orders');

  await page.getByTestId('problem-0').click();
  await expect(page.getByTestId('rf__node-filter_big')).toHaveClass(/selected/);
  await expect(page.getByTestId('param-condition').locator('textarea')).toBeFocused();
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'problems.png') });

  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('error-banner')).toContainText('Fix these problems before running');
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'idle');
});
