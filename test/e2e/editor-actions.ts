import { expect, type Page } from '@playwright/test';

/** What a person does in the editor, by data-testid only. */

export async function newPipeline(page: Page, name: string): Promise<void> {
  await page.getByTestId('new-pipeline').click();
  await page.getByTestId('dialog-input').fill(name);
  await page.getByTestId('dialog-create').click();
  await expect(page.getByTestId('open-pipeline-name')).toHaveText(name);
  // The sidebar lists it a moment later, pushing the palette down: a drag that starts before
  // then picks up the item above the one it aimed at (a PostgreSQL query for a Read CSV).
  await expect(page.getByTestId(/^pipeline-list-item-/).filter({ hasText: name })).toBeVisible();
}

/** Drags a palette item onto the canvas, dropping it at `at` (relative to the canvas's top-left corner). */
export async function dropNode(page: Page, nodeType: string, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId(`palette-item-${nodeType}`).dragTo(page.getByTestId('canvas'), { targetPosition: at });
}

async function center(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on one port's handle and moves to another's, leaving the button down. */
export async function dragWire(page: Page, fromHandle: string, toHandle: string): Promise<void> {
  const from = await center(page, fromHandle);
  const to = await center(page, toHandle);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 20, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
}

/** Drags a wire from an output port (`node.port`) to an input port and lets go. */
export async function connectPorts(page: Page, from: string, to: string): Promise<void> {
  const [fromNode, fromPort] = from.split('.');
  const [toNode, toPort] = to.split('.');
  await dragWire(page, `port-${fromNode}-out-${fromPort}`, `port-${toNode}-in-${toPort}`);
  await page.mouse.up();
}

/** Clicks a node's title, selecting it alone. */
export async function selectNode(page: Page, nodeId: string): Promise<void> {
  await page.getByTestId(`node-label-${nodeId}`).click();
  await expect(page.getByTestId('node-inspector')).toContainText(nodeId);
}

/** Where each node is on the canvas, in flow coordinates (xyflow's transform), by node id. */
export async function canvasPositions(page: Page): Promise<Record<string, string>> {
  return page.locator('.react-flow__node').evaluateAll((els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-id') ?? '', (el as HTMLElement).style.transform])),
  );
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Clicks empty canvas near its top-left corner: clears the selection and takes focus out of fields. */
export async function clickEmptyCanvas(page: Page): Promise<void> {
  await page.getByTestId('rf__wrapper').click({ position: { x: 8, y: 8 } });
}

/**
 * The open pipeline's nodes, edges and layout, read the way a person would
 * get them: select all, copy, and look at the clipboard. Empty when there are no nodes.
 */
export async function copiedGraph(page: Page): Promise<string> {
  await clickEmptyCanvas(page);
  if ((await page.locator('.react-flow__node').count()) === 0) return '';
  await page.keyboard.press(`${mod}+a`);
  await page.keyboard.press(`${mod}+c`);
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await clickEmptyCanvas(page);
  return text;
}

/** Shift-drags a selection box between two points given relative to the canvas. */
export async function boxSelect(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(canvas.x + from.x, canvas.y + from.y);
  await page.mouse.down();
  await page.mouse.move(canvas.x + to.x, canvas.y + to.y, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
}

/** Replaces the text of a sql/code param's Monaco editor as a person would: click it, select all, type. */
export async function typeCode(page: Page, testId: string, text: string): Promise<void> {
  const editor = page.getByTestId(testId).locator('.monaco-editor');
  await expect(editor).toBeVisible({ timeout: 20_000 }); // Monaco is a lazy 2.7 MB chunk: slow on a busy machine
  await editor.locator('.view-lines').click();
  await page.keyboard.press(`${mod}+a`);
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
}
