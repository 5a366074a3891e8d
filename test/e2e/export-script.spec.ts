import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { mod } from './editor-actions';
import { expect, test } from './serve-fixture';

const root = path.resolve(import.meta.dirname, '../..');

test('exports the open pipeline from the command palette, and the exported script runs with plain node', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-palette-search').fill('export');
  await page.getByTestId('command-export').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.getByTestId('export-folder').fill('exports/big');
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('export-result')).toContainText('pipeline.mjs');
  await expect(page.getByTestId('export-result')).toContainText('data/orders.csv');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'export-dialog.png') });
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('export-dialog')).toHaveCount(0);

  // The folder exists now, so a second export there is refused in the form.
  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-palette-search').fill('export');
  await page.getByTestId('command-export').click();
  await page.getByTestId('export-folder').fill('exports/big');
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('export-error')).toContainText('is not empty');
  await page.getByTestId('export-cancel').click();

  // Its package.json lists the native packages; link them from the project's node_modules rather than compile them here.
  const dir = path.join(served.dir, 'exports/big');
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const pkg of Object.keys(manifest.dependencies)) {
    await mkdir(path.dirname(path.join(dir, 'node_modules', pkg)), { recursive: true });
    await symlink(path.join(root, 'node_modules', pkg), path.join(dir, 'node_modules', pkg), 'dir');
  }
  const { stdout } = await promisify(execFile)(process.execPath, ['pipeline.mjs', '--json'], { cwd: dir });
  const events = stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; state?: string });
  expect(events.at(-1)).toMatchObject({ type: 'run:finish', state: 'succeeded' });
  const csv = await readFile(path.join(dir, 'out/big-orders.csv'), 'utf8');
  expect(csv.trim().split('\n').map((row) => row.split(',')[0])).toEqual(['order_id', '1001', '1003', '1005', '1008', '1010']);
});
