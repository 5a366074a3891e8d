import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { selectNode, typeCode } from './editor-actions';
import { expect, test } from './serve-fixture';

test('the filter condition is a Monaco SQL editor: type a condition, run, only those rows are written', async ({ page, served }, testInfo) => {
  const console: string[] = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await selectNode(page, 'filter_big');

  const field = page.getByTestId('param-condition');
  await expect(field.locator('.monaco-editor')).toBeVisible();
  await expect(field).toHaveAttribute('data-language', 'sql');
  await expect(field.locator('.view-lines')).toHaveText('amount > 100');

  await typeCode(page, 'param-condition', "amount > 100 AND country = 'GB'");
  await expect(field.locator('.view-lines')).toHaveText("amount > 100 AND country = 'GB'");
  // SQL highlighting: the keyword and the string are their own tokens, coloured differently from a column name.
  const token = (text: RegExp) => field.locator('.view-lines span[class^="mtk"]', { hasText: text });
  const keyword = token(/^AND$/);
  const column = token(/^amount/);
  await expect(token(/^'GB'$/)).toHaveCount(1);
  await expect(keyword).toHaveCount(1);
  await expect(column).toHaveCount(1);
  expect(await keyword.getAttribute('class')).not.toBe(await column.getAttribute('class'));
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'code-field.png') });

  await page.getByTestId('run-pipeline').click(); // saves first
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });
  const saved = JSON.parse(await readFile(path.join(served.dir, 'big-orders.pipeline.json'), 'utf8'));
  expect(saved.nodes.find((n: { id: string }) => n.id === 'filter_big').params.condition).toBe("amount > 100 AND country = 'GB'");
  const csv = await readFile(path.join(served.dir, 'out/big-orders.csv'), 'utf8');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header).toBe('order_id,customer,country,amount,ordered_at');
  expect(rows.map((row) => row.split(',')[0])).toEqual(['1001', '1003']);

  // This small editor starts no worker by itself: start one through the app's MonacoEnvironment.getWorker,
  // under the page's CSP. It must come from this origin and load without a violation.
  const started = await page.evaluate(async () => {
    const env = (self as unknown as { MonacoEnvironment: { getWorker(id: string, label: string): Worker } }).MonacoEnvironment;
    const worker = env.getWorker('e2e', 'editorWorkerService');
    const outcome = await new Promise<string>((resolve) => {
      worker.addEventListener('error', () => resolve('error'));
      setTimeout(() => resolve('loaded'), 1_000);
      worker.postMessage('ping');
    });
    worker.terminate();
    return outcome;
  });
  expect(started).toBe('loaded');
  await expect.poll(() => workers.filter((url) => url.startsWith(served.origin) && url.includes('editor.worker')).length).toBeGreaterThan(0);

  // The editor follows the app's theme.
  const monacoTheme = (name: string) => new RegExp(`(^|\\s)${name}(\\s|$)`);
  const light = (await page.locator('html').getAttribute('data-theme')) !== 'dark';
  await expect(field.locator('.monaco-editor')).toHaveClass(monacoTheme(light ? 'vs' : 'vs-dark'));
  await page.getByTestId('toggle-theme').click();
  await expect(field.locator('.monaco-editor')).toHaveClass(monacoTheme(light ? 'vs-dark' : 'vs'));

  expect(console.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([]);
  expect(console.filter((line) => line.startsWith('pageerror'))).toEqual([]);
});
