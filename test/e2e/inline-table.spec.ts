import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dropNode, mod, newPipeline, selectNode } from './editor-actions';
import { expect, test } from './serve-fixture';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('an inline table typed by hand: cells pasted from a spreadsheet, typed into, run and saved typed', async ({ page, served }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(served.url);
  await newPipeline(page, 'Rates');
  await dropNode(page, 'source.inline', { x: 200, y: 160 });
  await selectNode(page, 'inline_1');

  // Copied from a spreadsheet, header first: columns named and typed by their cells.
  await page.evaluate(() => navigator.clipboard.writeText('code\trate\nGB\t1.25\nUS\t0.8\n'));
  await page.getByTestId('param-table-paste').click();
  await page.keyboard.press(`${mod}+v`);
  await expect(page.getByTestId('param-table-column-0-name')).toHaveValue('code');
  await expect(page.getByTestId('param-table-column-1-type')).toHaveValue('DOUBLE');
  await expect(page.getByTestId('param-table-cell-1-1')).toHaveValue('0.8');

  // A row typed by hand, keystroke by keystroke: Enter below the last row adds one, as in a
  // spreadsheet, and "1.05" passes through "1.0" without losing its zero.
  await page.getByTestId('param-table-cell-1-0').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('param-table-cell-2-0')).toBeFocused();
  await page.keyboard.type('NL');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1.05');
  await expect(page.getByTestId('param-table-cell-2-1')).toHaveValue('1.05');
  // A column added, retyped, and one cell left empty: NULL.
  await page.getByTestId('param-table-add-column').click();
  await page.getByTestId('param-table-column-2-name').fill('since');
  await page.getByTestId('param-table-column-2-type').fill('date');
  await page.getByTestId('param-table-cell-0-2').fill('2020-01-01');
  await page.getByTestId('param-table-row-1-remove').click();
  await expect(page.getByTestId('problems-count')).toHaveText('0');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'inline-table.png') });

  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await selectNode(page, 'inline_1');
  await page.getByTestId('panel-tab-preview').click();
  const rows = page.getByTestId('preview-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/GB\s*1\.25\s*2020-01-01/);
  await expect(rows.nth(1)).toContainText(/NL\s*1\.05\s*NULL/i);
  await expect(page.getByTestId('preview-table')).toContainText('DATE');

  const saved = JSON.parse(await readFile(path.join(served.dir, 'rates.pipeline.json'), 'utf8'));
  expect(saved.nodes[0].params.table).toEqual({
    columns: [
      { name: 'code', type: 'VARCHAR' },
      { name: 'rate', type: 'DOUBLE' },
      { name: 'since', type: 'DATE' },
    ],
    rows: [
      ['GB', 1.25, '2020-01-01'],
      ['NL', 1.05, null],
    ],
  });
});

test('an empty inline table starts from column names typed on its first line', async ({ page, served }) => {
  await page.goto(served.url);
  await newPipeline(page, 'Codes');
  await dropNode(page, 'source.inline', { x: 200, y: 160 });
  await selectNode(page, 'inline_1');
  await page.getByTestId('param-table-paste').click();
  await page.keyboard.type('code, since');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('param-table-column-1-name')).toHaveValue('since');
  await page.getByTestId('param-table-column-1-type').fill('DATE');
  await page.getByTestId('param-table-add-row').click();
  await page.getByTestId('param-table-cell-0-1').fill('2024-02-30');
  await page.keyboard.press(`${mod}+s`);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  expect(JSON.parse(await readFile(path.join(served.dir, 'codes.pipeline.json'), 'utf8')).nodes[0].params.table).toEqual({
    columns: [
      { name: 'code', type: 'VARCHAR' },
      { name: 'since', type: 'DATE' },
    ],
    rows: [[null, '2024-02-30']],
  });
  // Not a date: the run fails the node with DuckDB's reason, naming the param.
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await selectNode(page, 'inline_1');
  await page.getByTestId('panel-tab-error').click();
  await expect(page.getByTestId('node-error')).toContainText('param table');
  await expect(page.getByTestId('node-error')).toContainText('2024-02-30');
});
