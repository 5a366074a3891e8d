import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { mod, selectNode } from './editor-actions';
import { expect, test } from './serve-fixture';

const firstValue = 'tok-first-5f3a9c0d1e';
const secondValue = 'tok-second-7b2e4d6f8a';
const reversed = (text: string) => [...text].reverse().join('');

/** A pipeline whose code node may read SERVICE_TOKEN: it logs the value (masked) and the value reversed (not a masked form). */
const pipeline = {
  format: 'pipewright/pipeline@1',
  id: 'uses-token',
  name: 'Uses token',
  description: 'Logs the SERVICE_TOKEN secret.',
  params: {},
  nodes: [
    {
      id: 'use_token',
      type: 'code.js',
      version: 1,
      label: 'Use token',
      params: {},
      secrets: ['SERVICE_TOKEN'],
      code: [
        'export default async function run({ secrets, log }) {',
        "  const token = secrets.SERVICE_TOKEN ?? '';",
        '  log.info(`token ${token}`);',
        "  log.info(`reversed ${[...token].reverse().join('')}`);",
        '  return { out: { length: token.length } };',
        '}',
      ],
      ports: { inputs: [], outputs: [{ id: 'out', type: 'json' }] },
    },
  ],
  edges: [],
  layout: { use_token: { x: 100, y: 100 } },
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function setValue(page: Page, name: string, value: string): Promise<void> {
  await page.getByTestId(`secret-set-value-${name}`).click();
  await expect(page.getByTestId('secret-value-input')).toHaveAttribute('type', 'password');
  await page.getByTestId('secret-value-input').fill(value);
  await page.getByTestId('secret-value-save').click();
  await expect(page.getByTestId('secret-value-input')).toHaveCount(0);
}

test('secrets: opt in without a keyring, add, rename, set a value, use it in a run (masked), delete', async ({ page, served }, testInfo) => {
  test.setTimeout(120_000);
  await writeFile(path.join(served.dir, 'uses-token.pipeline.json'), `${JSON.stringify(pipeline, null, 2)}\n`);
  await page.goto(served.url);

  // Serve mode has no OS keyring: the view says why and stores nothing until the user opts in.
  await page.getByTestId('open-secrets').click();
  const dialog = page.getByTestId('secrets-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('secrets-warning')).toContainText('no OS keyring');
  await expect(page.getByTestId('secrets-warning')).toContainText('anyone who can read this data folder');
  await expect(page.getByTestId('secrets-empty')).toBeVisible();
  await expect(page.getByTestId('secret-add-name')).toBeDisabled();
  await expect(page.getByTestId('secret-add')).toBeDisabled();
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'secrets-warning.png') });
  await page.getByTestId('secrets-allow-weak').check();
  await expect(page.getByTestId('secret-add-name')).toBeEnabled();

  // Names are upper-cased as typed; the value field is a password field and is emptied once saved.
  await page.getByTestId('secret-add-name').fill('api token');
  await expect(page.getByTestId('secret-add-name')).toHaveValue('API_TOKEN');
  await expect(page.getByTestId('secret-add-value')).toHaveAttribute('type', 'password');
  await page.getByTestId('secret-add-value').fill(firstValue);
  await page.getByTestId('secret-add').click();
  await expect(page.getByTestId('secret-row-API_TOKEN')).toBeVisible();
  await expect(page.getByTestId('secret-add-name')).toHaveValue('');
  await expect(page.getByTestId('secret-add-value')).toHaveValue('');

  // A second API_TOKEN is refused in the view, naming the problem.
  await page.getByTestId('secret-add-name').fill('API_TOKEN');
  await page.getByTestId('secret-add-value').fill('other');
  await page.getByTestId('secret-add').click();
  await expect(page.getByTestId('secrets-error')).toContainText('Could not add API_TOKEN: a secret named API_TOKEN exists already');
  await page.getByTestId('secret-add-name').fill('');
  await page.getByTestId('secret-add-value').fill('');

  // Renamed inline; a name that is not a name is explained by the view.
  await page.getByTestId('secret-rename-API_TOKEN').click();
  await page.getByTestId('secret-rename-input').fill('9LIVES');
  await page.getByTestId('secret-rename-save').click();
  await expect(page.getByTestId('secrets-error')).toContainText('Could not rename API_TOKEN to 9LIVES: a secret name is UPPER_SNAKE_CASE starting with a letter');
  await page.getByTestId('secret-rename-input').fill('service token');
  await expect(page.getByTestId('secret-rename-input')).toHaveValue('SERVICE_TOKEN');
  await page.getByTestId('secret-rename-save').click();
  await expect(page.getByTestId('secret-row-SERVICE_TOKEN')).toBeVisible();
  await expect(page.getByTestId('secret-row-API_TOKEN')).toHaveCount(0);
  await expect(page.getByTestId('secrets-error')).toHaveCount(0);

  await setValue(page, 'SERVICE_TOKEN', secondValue);
  await expect(dialog).not.toContainText(secondValue);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'secrets-list.png') });
  await page.getByTestId('secrets-close').click();
  await expect(dialog).toHaveCount(0);

  // A run gets the new value; its logs show *** in its place.
  await page.getByTestId('pipeline-list-item-uses-token').click();
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await selectNode(page, 'use_token');
  await page.getByTestId('panel-tab-logs').click();
  const logs = page.getByTestId('node-logs');
  await expect(logs).toContainText('token ***');
  await expect(logs).toContainText(`reversed ${reversed(secondValue)}`);
  await expect(logs).not.toContainText(secondValue);

  // The command palette opens the view too; deleting asks first.
  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-palette-search').fill('secrets');
  await page.getByTestId('command-secrets').click();
  await expect(page.getByTestId('secret-row-SERVICE_TOKEN')).toBeVisible();
  await page.getByTestId('secret-delete-SERVICE_TOKEN').click();
  await expect(page.getByTestId('secret-row-SERVICE_TOKEN')).toContainText('Delete SERVICE_TOKEN?');
  await page.getByTestId('secret-edit-cancel').click();
  await expect(page.getByTestId('secret-set-value-SERVICE_TOKEN')).toBeVisible();
  await page.getByTestId('secret-delete-SERVICE_TOKEN').click();
  await page.getByTestId('secret-delete-confirm').click();
  await expect(page.getByTestId('secrets-empty')).toBeVisible();
  // The opt-in is remembered.
  await expect(page.getByTestId('secrets-allow-weak')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('secrets-dialog')).toHaveCount(0);

  // No form of either value anywhere in the pipelines folder or the data folder (history, logs, secrets file).
  const files = await filesUnder(served.dir);
  expect(files.some((f) => f.endsWith('serve-secrets.json'))).toBe(true);
  for (const file of files) {
    const bytes = await readFile(file);
    for (const value of [firstValue, secondValue]) {
      for (const form of [value, Buffer.from(value).toString('base64'), encodeURIComponent(value)]) {
        expect(bytes.includes(form), `${path.relative(served.dir, file)} holds ${form}`).toBe(false);
      }
    }
  }
});
