import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { canvasPositions, clickEmptyCanvas, mod } from './editor-actions';
import { expect, test } from './serve-fixture';

async function openBigOrders(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await expect(page.getByTestId('rf__node-read_orders')).toBeVisible();
}

async function saveAndReopen(page: Page, url: string): Promise<void> {
  await page.getByTestId('save-pipeline').click();
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  await openBigOrders(page, url);
}

/** Drags from the middle of an element by (dx, dy) in screen pixels. */
async function dragBy(page: Page, testId: string, dx: number, dy: number): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 10 });
  await page.mouse.up();
}

const boxOf = async (page: Page, testId: string) => (await page.getByTestId(testId).boundingBox())!;

test('a sticky note: typed as Markdown, shown rendered with HTML escaped, undoable, kept by save and reload', async ({ page, served }, testInfo) => {
  await openBigOrders(page, served.url);
  await page.getByTestId('add-note').click();
  const editor = page.getByTestId('note-editor-note_1');
  await expect(editor).toBeFocused();
  await page.keyboard.type('## Why a filter\n\nKeeps orders **over 100**; see `amount`.\n\n- big ones only\n\n<img src=x onerror=alert(1)>');
  await page.keyboard.press('Escape');

  const body = page.getByTestId('note-body-note_1');
  await expect(body.locator('h2')).toHaveText('Why a filter');
  await expect(body.locator('strong')).toHaveText('over 100');
  await expect(body.locator('li')).toHaveText('big ones only');
  await expect(body.locator('img')).toHaveCount(0);
  await expect(body).toContainText('<img src=x onerror=alert(1)>');

  // The typing was one step: undo takes the text back, redo restores it.
  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByTestId('note-note_1')).toContainText('Double-click to write');
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(body.locator('strong')).toHaveText('over 100');

  // Edit again by double-clicking; move it by dragging.
  await page.getByTestId('note-note_1').dblclick();
  await page.getByTestId('note-editor-note_1').press('End');
  await page.keyboard.type('\n\n*checked*');
  await page.keyboard.press('Escape');
  await expect(body.locator('em')).toHaveText('checked');
  await dragBy(page, 'note-body-note_1', 180, -40);
  await clickEmptyCanvas(page);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'note.png') });
  const before = await canvasPositions(page);

  await saveAndReopen(page, served.url);
  await expect(page.getByTestId('note-body-note_1').locator('strong')).toHaveText('over 100');
  await expect(page.getByTestId('note-body-note_1').locator('em')).toHaveText('checked');
  expect(await canvasPositions(page)).toEqual(before);
  const file = JSON.parse(await readFile(path.join(served.dir, 'big-orders.pipeline.json'), 'utf8'));
  expect(Object.keys(file).slice(-2)).toEqual(['layout', 'annotations']);
  expect(file.annotations[0].text).toContain('Keeps orders **over 100**; see `amount`.');
});

test('a frame around selected nodes: titled, dragged with its nodes, resized, undoable, kept by save and reload', async ({ page, served }, testInfo) => {
  await openBigOrders(page, served.url);
  await page.getByTestId('node-label-read_orders').click();
  await page.getByTestId('node-label-filter_big').click({ modifiers: ['Shift'] });
  await page.getByTestId('add-frame').click();
  const frame = page.getByTestId('frame-frame_1');
  await expect(frame).toBeVisible();
  const frameBox = await boxOf(page, 'frame-frame_1');
  for (const id of ['read_orders', 'filter_big']) {
    const node = await boxOf(page, `rf__node-${id}`);
    expect(node.x).toBeGreaterThan(frameBox.x);
    expect(node.x + node.width).toBeLessThan(frameBox.x + frameBox.width);
    expect(node.y + node.height).toBeLessThan(frameBox.y + frameBox.height);
  }

  await page.getByTestId('frame-title-frame_1').dblclick();
  await page.getByTestId('frame-title-input-frame_1').fill('Read and filter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('frame-title-frame_1')).toHaveText('Read and filter');

  // Dragging the frame by its title moves the nodes inside by as much; the one outside stays.
  const start = { read: await boxOf(page, 'rf__node-read_orders'), filter: await boxOf(page, 'rf__node-filter_big'), write: await boxOf(page, 'rf__node-write_big') };
  await dragBy(page, 'frame-title-frame_1', 60, 200);
  const moved = await boxOf(page, 'frame-frame_1');
  const step = { x: moved.x - frameBox.x, y: moved.y - frameBox.y };
  expect(step.y).toBeGreaterThan(120);
  for (const [id, was] of [['read_orders', start.read], ['filter_big', start.filter]] as const) {
    const now = await boxOf(page, `rf__node-${id}`);
    expect(Math.abs(now.x - was.x - step.x)).toBeLessThan(2);
    expect(Math.abs(now.y - was.y - step.y)).toBeLessThan(2);
  }
  expect(await boxOf(page, 'rf__node-write_big')).toEqual(start.write);

  // One undo puts frame and nodes back; redo moves them again.
  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await boxOf(page, 'rf__node-read_orders')).y).toBeCloseTo(start.read.y, 0);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect.poll(async () => (await boxOf(page, 'rf__node-read_orders')).y).toBeCloseTo(start.read.y + step.y, 0);

  // Selected, it shows resize handles: drag the bottom-right one out.
  await page.getByTestId('frame-title-frame_1').click();
  const corner = page.getByTestId('frame-frame_1').locator('xpath=..').locator('.react-flow__resize-control.handle.bottom.right');
  const c = (await corner.boundingBox())!;
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.mouse.down();
  await page.mouse.move(c.x + 90, c.y + 50, { steps: 8 });
  await page.mouse.up();
  const resized = await boxOf(page, 'frame-frame_1');
  expect(resized.width).toBeGreaterThan(moved.width + 60);
  expect(resized.height).toBeGreaterThan(moved.height + 30);

  await clickEmptyCanvas(page);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'frame.png') });
  const before = await canvasPositions(page);
  const flowSize = (el: HTMLElement) => `${el.style.width} x ${el.style.height}`;
  const size = await page.getByTestId('rf__node-frame_1').evaluate(flowSize);
  await saveAndReopen(page, served.url);
  await expect(page.getByTestId('frame-title-frame_1')).toHaveText('Read and filter');
  expect(await page.getByTestId('rf__node-frame_1').evaluate(flowSize)).toBe(size);
  expect(await canvasPositions(page)).toEqual(before);
  const file = JSON.parse(await readFile(path.join(served.dir, 'big-orders.pipeline.json'), 'utf8'));
  expect(file.annotations).toEqual([expect.objectContaining({ id: 'frame_1', kind: 'frame', title: 'Read and filter' })]);
  expect(Object.keys(file.nodes[0])).not.toContain('x');

  await page.getByTestId('add-note').click();
  await page.keyboard.type('**Inputs** are read and filtered here.\n\nOwner: data team');
  await page.keyboard.press('Escape');
  await clickEmptyCanvas(page);
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'frame-with-note.png') });
});

test('frames and notes come from the command palette too, and Delete removes a selected one', async ({ page, served }) => {
  await openBigOrders(page, served.url);
  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-palette-search').fill('add frame');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('frame-frame_1')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('frame-frame_1')).toHaveCount(0);
  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-palette-search').fill('add note');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note-editor-note_1')).toBeFocused();
});
