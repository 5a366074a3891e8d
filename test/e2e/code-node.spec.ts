import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { connectPorts, dropNode, mod, typeCode } from './editor-actions';
import { expect, test } from './serve-fixture';

const codeNode = 'ts_1';

/** Opens big-orders and runs it once, so read_orders has a preview with its schema. */
async function openAndRunBigOrders(page: Page): Promise<void> {
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });
}

/** Drags a TypeScript code node from the palette and wires read_orders into its input, renamed to `orders`. */
async function addCodeNodeFedByOrders(page: Page): Promise<void> {
  await dropNode(page, 'code.ts', { x: 300, y: 480 });
  await expect(page.getByTestId('node-inspector')).toContainText(codeNode);
  const name = page.getByTestId('port-inputs-0-name');
  await expect(name).toHaveValue('in');
  await name.fill('2nd');
  await expect(page.getByTestId('port-inputs-0-error')).toContainText('must start with a letter');
  await name.fill('orders');
  await name.press('Enter');
  await expect(page.getByTestId(`port-${codeNode}-in-orders`)).toBeVisible();
  await connectPorts(page, 'read_orders.out', `${codeNode}.orders`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
}

test('a code node: ports edited in the inspector, Monaco typed by the upstream schema, type errors as markers and problems', async ({ page, served }, testInfo) => {
  test.setTimeout(150_000); // a run, then Monaco's TypeScript worker on a CPU shared with other tests
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(served.url);
  await openAndRunBigOrders(page);
  await addCodeNodeFedByOrders(page);

  // An output added, renamed, retyped and removed again; undo brings it back with its name.
  await page.getByTestId('port-add-outputs').click();
  await expect(page.getByTestId(`port-${codeNode}-out-out2`)).toBeVisible();
  await page.getByTestId('port-outputs-1-name').fill('out');
  await expect(page.getByTestId('port-outputs-1-error')).toHaveText('this node already has an output out; the port keeps the name out2.');
  await page.getByTestId('port-outputs-1-name').fill('summary');
  await page.getByTestId('port-outputs-1-name').blur();
  await page.getByTestId('port-outputs-1-type').selectOption('json');
  await expect(page.getByTestId(`port-${codeNode}-out-summary`)).toHaveClass(/pw-handle--json/);
  await page.getByTestId('port-outputs-1-remove').click();
  await expect(page.getByTestId(`port-${codeNode}-out-summary`)).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId(`port-${codeNode}-out-summary`)).toBeVisible();

  // The starter module reads `inputs.in`, which the rename took away: a type error, before any run.
  const editor = page.getByTestId('code-editor');
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await expect(editor).toHaveAttribute('data-language', 'typescript');
  await expect(page.getByTestId(`node-problems-${codeNode}`)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('code-problems')).toContainText("Property 'in' does not exist on type 'Inputs'");
  await expect(editor.locator('.squiggly-error')).toHaveCount(2); // inputs.in, twice
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'code-node-inspector.png') });

  // Typing `row.` lists the columns of read_orders' last preview.
  await typeCode(page, 'code-editor', 'export default async function run({ inputs, log }: Context): Promise<Outputs> { return { out: inputs.orders.toArray().filter((row) => row.');
  const suggestions = page.locator('.suggest-widget.visible .monaco-list-row');
  await expect(suggestions.filter({ hasText: /^amount/ })).toHaveCount(1, { timeout: 20_000 });
  await expect(suggestions.filter({ hasText: /^customer/ })).toHaveCount(1);
  await expect(suggestions.filter({ hasText: /^ordered_at/ })).toHaveCount(1);
  await page.keyboard.press('Escape');

  // A wrong column: a Monaco error marker, the node's problem badge, a line in the problems panel.
  await page.keyboard.type('amout > 100) }; }');
  await expect(editor.locator('.squiggly-error')).toHaveCount(1, { timeout: 20_000 });
  await expect(page.getByTestId('code-problems')).toHaveText(/^line 1, column \d+: Property 'amout' does not exist on type 'OrdersRow'. Did you mean 'amount'\?$/);
  await expect(page.getByTestId(`node-problems-${codeNode}`)).toHaveText('1');
  await expect(page.getByTestId('problems-panel')).toContainText("Property 'amout' does not exist on type 'OrdersRow'");

  // Fixed in the large editor: both editors show the same code, the problems go away.
  await page.getByTestId('code-expand').click();
  const large = page.getByTestId('code-dialog-editor');
  await expect(large.locator('.view-lines')).toContainText('row.amout > 100');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'code-node-large-editor.png') });
  await typeCode(page, 'code-dialog-editor', 'export default async function run({ inputs, log }: Context): Promise<Outputs> { log.info("big"); return { out: inputs.orders.toArray().filter((row) => row.amount > 100) }; }');
  await expect(page.getByTestId('code-dialog-status')).toHaveText('No errors.', { timeout: 20_000 });
  await page.getByTestId('code-dialog-close').click();
  await expect(page.getByTestId('code-dialog')).toHaveCount(0);
  await expect(editor.locator('.view-lines')).toContainText('row.amount > 100');
  await expect(editor.locator('.squiggly-error')).toHaveCount(0);
  await expect(page.getByTestId(`node-problems-${codeNode}`)).toHaveCount(0);

  // Saved as lines, with the declared ports; the edge follows the renamed input.
  await page.keyboard.press(`${mod}+s`);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  const saved = JSON.parse(await readFile(path.join(served.dir, 'big-orders.pipeline.json'), 'utf8'));
  const node = saved.nodes.find((n: { id: string }) => n.id === codeNode);
  expect(node.code).toEqual(['export default async function run({ inputs, log }: Context): Promise<Outputs> { log.info("big"); return { out: inputs.orders.toArray().filter((row) => row.amount > 100) }; }']);
  expect(node.ports).toEqual({
    inputs: [{ id: 'orders', type: 'table', optional: true }],
    outputs: [{ id: 'out', type: 'table' }, { id: 'summary', type: 'json' }],
  });
  expect(saved.edges.some((e: { from: { node: string }; to: { node: string; port: string } }) => e.from.node === 'read_orders' && e.to.node === codeNode && e.to.port === 'orders')).toBe(true);

  // The language service runs in a worker from this origin.
  expect(workers.some((url) => url.startsWith(served.origin) && url.includes('ts.worker'))).toBe(true);
  expect(errors).toEqual([]);
});

test('a code node typed in Monaco runs and shows its output', async ({ page, served }) => {
  test.setTimeout(150_000);
  await page.goto(served.url);
  await openAndRunBigOrders(page);
  await addCodeNodeFedByOrders(page);
  await typeCode(page, 'code-editor', 'export default async function run({ inputs }: Context): Promise<Outputs> { return { out: inputs.orders.toArray().filter((row) => row.amount > 100) }; }');
  await expect(page.getByTestId(`node-problems-${codeNode}`)).toHaveCount(0, { timeout: 20_000 });
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await expect(page.locator(`.react-flow__node[data-id="${codeNode}"] .pw-node`)).toHaveAttribute('data-state', 'succeeded');
  // The output preview: the orders over 100, as many as the example's own filter keeps (expected/big-orders.csv).
  await expect(page.locator(`.react-flow__node[data-id="${codeNode}"] .pw-node__stats`)).toContainText('5 rows');
});
