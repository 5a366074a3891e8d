import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './serve-fixture';

/** Monthly case and death totals of one country, summed from the sample CSV the pipeline reads. */
async function monthlyTotals(dir: string, country: string): Promise<string[]> {
  const [header, ...rows] = (await readFile(path.join(dir, 'data/covid-daily.csv'), 'utf8')).trim().split(/\r?\n/);
  const col = Object.fromEntries(header.split(',').map((name, i) => [name, i]));
  const months = new Map<string, { cases: number; deaths: number }>();
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[col.country] !== country) continue;
    const month = cells[col.date].slice(0, 7);
    const total = months.get(month) ?? { cases: 0, deaths: 0 };
    total.cases += Number(cells[col.cases]);
    total.deaths += Number(cells[col.deaths]);
    months.set(month, total);
  }
  return [...months].map(([month, t]) => `${month},${t.cases},${t.deaths}`).sort();
}

test('asks for run parameters, validates them, and runs with the chosen values', async ({ page, served }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-covid-monthly').click();
  const nodes = page.locator('.react-flow__node .pw-node');
  await expect(nodes).toHaveCount(5);

  const pipeline = JSON.parse(await readFile(path.join(served.dir, 'covid-monthly.pipeline.json'), 'utf8')) as {
    params: Record<string, { type: string; default?: unknown }>;
    nodes: { type: string; params: { path?: string } }[];
  };
  const dialog = page.getByTestId('run-params-dialog');

  // Escape cancels: nothing runs.
  await page.getByTestId('run-pipeline').click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'idle');

  await page.getByTestId('run-pipeline').click();
  await expect(dialog).toBeVisible();
  const country = dialog.getByTestId('run-param-country');
  await expect(country).toHaveValue(String(pipeline.params.country.default));
  await expect(dialog).toContainText('The country to report');

  // A number field, if the pipeline declares one, refuses what is not a number.
  const numberParam = Object.entries(pipeline.params).find(([, p]) => p.type === 'number')?.[0];
  if (numberParam) {
    await dialog.getByTestId(`run-param-${numberParam}`).fill('');
    await page.getByTestId('run-params-submit').click();
    await expect(dialog.getByTestId(`run-param-error-${numberParam}`)).toBeVisible();
    await dialog.getByTestId(`run-param-${numberParam}`).fill(String(pipeline.params[numberParam].default ?? 1));
  }

  const chosen = 'Spain';
  expect(chosen).not.toBe(pipeline.params.country.default);
  await country.fill(chosen);
  await dialog.screenshot({ path: path.join(testInfo.project.outputDir, 'run-params.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'run-params-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await country.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(async () => {
    const states = await nodes.evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
    expect(states).toEqual(Array(5).fill('succeeded'));
  }).toPass({ timeout: 30_000 });

  const sink = pipeline.nodes.find((n) => n.type === 'sink.write_csv')!.params.path!;
  const [header, ...rows] = (await readFile(path.join(served.dir, sink), 'utf8')).trim().split(/\r?\n/);
  expect(header).toBe('year_month,cases,deaths');
  const expected = await monthlyTotals(served.dir, chosen);
  expect(expected.length).toBeGreaterThan(0);
  expect([...rows].sort()).toEqual(expected);
  expect(expected).not.toEqual(await monthlyTotals(served.dir, String(pipeline.params.country.default)));

  // The next run starts from the values used last.
  await page.getByTestId('run-pipeline').click();
  await expect(dialog.getByTestId('run-param-country')).toHaveValue(chosen);
  await page.getByTestId('run-params-cancel').click();
  await expect(dialog).toBeHidden();
});

test('checks the form: required fields and finite numbers, with a message per field', async ({ page, served }, testInfo) => {
  const base = JSON.parse(await readFile(path.join(served.dir, 'big-orders.pipeline.json'), 'utf8')) as Record<string, unknown>;
  const params = {
    threshold: { type: 'number', description: 'Smallest amount kept.' },
    label: { type: 'string' },
    dryRun: { type: 'boolean', default: false, description: 'Only pretend.' },
  };
  await writeFile(path.join(served.dir, 'param-form.pipeline.json'), JSON.stringify({ ...base, id: 'param-form', name: 'Param form', params }, null, 2));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-param-form').click();
  await page.getByTestId('run-pipeline').click();
  const dialog = page.getByTestId('run-params-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('run-param-dryRun')).not.toBeChecked();

  await dialog.getByTestId('run-param-threshold').fill('1e999');
  await page.getByTestId('run-params-submit').click();
  await expect(dialog.getByTestId('run-param-error-threshold')).toHaveText('Must be a finite number.');
  await expect(dialog.getByTestId('run-param-error-label')).toHaveText('Required.');
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'idle');
  await dialog.screenshot({ path: path.join(testInfo.project.outputDir, 'run-params-errors-dark.png') });

  await dialog.getByTestId('run-param-threshold').fill('100');
  await expect(dialog.getByTestId('run-param-error-threshold')).toHaveCount(0);
  await dialog.getByTestId('run-param-label').fill('x');
  await dialog.getByTestId('run-param-dryRun').check();
  await dialog.getByTestId('run-param-label').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });

  await page.getByTestId('run-pipeline').click();
  await expect(dialog.getByTestId('run-param-threshold')).toHaveValue('100');
  await expect(dialog.getByTestId('run-param-dryRun')).toBeChecked();
});
