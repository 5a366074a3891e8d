import type { Page } from '@playwright/test';
import { clickEmptyCanvas, connectPorts, copiedGraph, dropNode, mod, newPipeline, selectNode, typeCode } from './editor-actions';
import { expect, test } from './serve-fixture';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Twenty edits of every kind; each one is one undo step. */
const edits: ((page: Page) => Promise<void>)[] = [
  (page) => dropNode(page, 'source.read_csv', { x: 140, y: 80 }),
  (page) => dropNode(page, 'transform.filter', { x: 400, y: 260 }),
  (page) => dropNode(page, 'sink.write_csv', { x: 660, y: 80 }),
  async (page) => {
    await selectNode(page, 'read_csv_1');
    await page.getByTestId('inspector-label').fill('Read orders');
  },
  async (page) => {
    await selectNode(page, 'read_csv_1');
    await page.getByTestId('param-path').fill('data/orders.csv');
  },
  async (page) => {
    await selectNode(page, 'filter_1');
    await page.getByTestId('inspector-label').fill('Big ones');
  },
  async (page) => {
    await selectNode(page, 'filter_1');
    await typeCode(page, 'param-condition', 'amount > 100');
  },
  async (page) => {
    await selectNode(page, 'write_csv_1');
    await page.getByTestId('param-path').fill('out/big.csv');
  },
  (page) => connectPorts(page, 'read_csv_1.out', 'filter_1.in'),
  (page) => connectPorts(page, 'filter_1.out', 'write_csv_1.in'),
  async (page) => {
    const box = (await page.getByTestId('node-label-write_csv_1').boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + 40, box.y + 165, { steps: 8 });
    await page.mouse.up();
  },
  async (page) => {
    await selectNode(page, 'filter_1');
    await page.getByTestId('run-settings-toggle').click();
    await page.getByTestId('setting-retries').fill('2');
    await page.getByTestId('setting-retries').blur();
  },
  async (page) => {
    await selectNode(page, 'filter_1');
    await page.getByTestId('setting-cache').check();
  },
  async (page) => {
    await selectNode(page, 'write_csv_1');
    await page.getByTestId('run-settings-toggle').click();
    await page.getByTestId('setting-trigger').selectOption('all_done');
  },
  async (page) => {
    await selectNode(page, 'filter_1');
    await page.keyboard.press(`${mod}+d`);
    await expect(page.getByTestId('rf__node-filter_2')).toBeVisible();
  },
  async (page) => {
    await selectNode(page, 'filter_2');
    await page.keyboard.press('Delete');
  },
  async (page) => {
    await clickEmptyCanvas(page);
    await page.getByTestId('rf__edge-e2').click();
    await page.keyboard.press('Backspace');
  },
  async (page) => {
    await clickEmptyCanvas(page);
    await page.keyboard.press('Shift+L');
    await expect.poll(async () => (await page.getByTestId('rf__node-write_csv_1').boundingBox())?.y).not.toBe(undefined);
  },
  async (page) => {
    await selectNode(page, 'read_csv_1');
    await page.getByTestId('param-header').uncheck();
  },
  async (page) => {
    await selectNode(page, 'read_csv_1');
    await page.getByTestId('param-delimiter').fill(';');
  },
];

test('undoes and redoes twenty edits of every kind, one step each', async ({ page, served }) => {
  test.setTimeout(120_000);
  await page.goto(served.url);
  await newPipeline(page, 'Undo me');
  const states = [await copiedGraph(page)];
  for (const [i, edit] of edits.entries()) {
    await edit(page);
    // Let the edit land (layout is async), then keep the graph it made.
    let graph = '';
    await expect.poll(async () => (graph = await copiedGraph(page)), { intervals: [50], message: `edit ${i + 1} changes the graph` }).not.toBe(states.at(-1));
    states.push(graph);
  }
  expect(states).toHaveLength(21);
  expect(JSON.parse(states[20]).nodes.find((n: { id: string }) => n.id === 'read_csv_1').params).toEqual({ path: 'data/orders.csv', header: false, delimiter: ';' });

  for (let i = 19; i >= 0; i--) {
    await page.keyboard.press(`${mod}+z`);
    expect(await copiedGraph(page), `after undoing edit ${i + 1}`).toBe(states[i]);
  }
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0); // back to the saved, empty pipeline

  for (let i = 1; i <= 20; i++) {
    await page.keyboard.press(i % 2 ? `${mod}+Shift+z` : `${mod}+y`);
    expect(await copiedGraph(page), `after redoing edit ${i}`).toBe(states[i]);
  }
  await expect(page.getByTestId('redo')).toBeDisabled();
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
});
