import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dropNode, mod, newPipeline, selectNode } from './editor-actions';
import { expect, test } from './serve-fixture';

test('an HTTP header locked to a secret is saved as a secret reference, and stays one when other headers change', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await newPipeline(page, 'Api');
  await dropNode(page, 'source.http', { x: 200, y: 160 });
  await selectNode(page, 'http_1');
  await page.getByTestId('param-url').fill('https://api.example.com/people');
  await page.getByTestId('param-headers-add').click();
  await page.getByTestId('param-headers-key-0').fill('Accept');
  await page.getByTestId('param-headers-value-0').fill('application/json');
  await page.getByTestId('param-headers-add').click();
  await page.getByTestId('param-headers-key-1').fill('Authorization');
  await page.getByTestId('param-headers-secret-1').click();
  await expect(page.getByTestId('param-headers-secret-1')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('param-headers-value-1').click();
  await page.keyboard.type('api token');
  await expect(page.getByTestId('param-headers-value-1')).toHaveValue('API_TOKEN');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'http-headers.png') });

  const file = path.join(served.dir, 'api.pipeline.json');
  const headers = async () => JSON.parse(await readFile(file, 'utf8')).nodes[0].params.headers;
  await page.keyboard.press(`${mod}+s`);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  expect(await headers()).toEqual({ Accept: 'application/json', Authorization: { $secret: 'API_TOKEN' } });

  // Another header edited: the secret reference is kept as it is, not turned into text.
  await page.getByTestId('param-headers-value-0').fill('text/csv');
  await page.keyboard.press(`${mod}+s`);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  expect(await headers()).toEqual({ Accept: 'text/csv', Authorization: { $secret: 'API_TOKEN' } });

  // Reopened: the row shows the secret's name, locked; unlocked it is plain text again, empty.
  await page.reload();
  await page.getByTestId('pipeline-list-item-api').click();
  await selectNode(page, 'http_1');
  await expect(page.getByTestId('param-headers-secret-1')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('param-headers-value-1')).toHaveValue('API_TOKEN');
  await page.getByTestId('param-headers-secret-1').click();
  await expect(page.getByTestId('param-headers-value-1')).toHaveValue('');
});
