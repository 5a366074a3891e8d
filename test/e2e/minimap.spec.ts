import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { PipelineFile } from '../../node-library/contract';
import { fitMinimap, toMinimap, visibleBox } from '../../renderer/canvas/minimap-geometry';
import { nodeWidth } from '../../renderer/canvas/node-geometry';
import { largePipeline } from '../bench/large-pipeline';
import { expect, test } from './serve-fixture';

/** The viewport's [x, y, zoom] as xyflow drew it. */
const viewport = (page: Page) =>
  page.evaluate(() => {
    const style = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    return /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(style)!.slice(1).map(Number);
  });

/** How many minimap pixels have exactly this colour (#rrggbb). */
const pixelsOf = (page: Page, hex: string) =>
  page.getByTestId('minimap').evaluate((canvas: HTMLCanvasElement, rgb) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(rgb.slice(i, i + 2), 16));
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++;
    return count;
  }, hex);

/** Where a flow point of largePipeline(1000) is on screen in the minimap, framed as minimap-geometry frames it. */
async function minimapPoint(page: Page, flowX: number, flowY: number) {
  const box = (await page.getByTestId('minimap').boundingBox())!;
  const pane = (await page.getByTestId('rf__wrapper').boundingBox())!;
  const [x, y, zoom] = await viewport(page);
  const content = { x: 0, y: 0, width: 24 * 320 + nodeWidth, height: 39 * 170 + 100 };
  const at = toMinimap(fitMinimap(content, visibleBox([x, y, zoom], pane.width, pane.height), box), { x: flowX, y: flowY, width: 0, height: 0 });
  return { x: box.x + at.x, y: box.y + at.y };
}

test('the minimap of a 1,000-node pipeline: a click takes the view there, the wheel zooms', async ({ page, served }) => {
  const pipeline = largePipeline(1000);
  await writeFile(path.join(served.dir, `${pipeline.id}.pipeline.json`), JSON.stringify(pipeline, null, 2));
  await page.goto(served.url);
  await page.getByTestId(`pipeline-list-item-${pipeline.id}`).click();
  // Opened fitted, all in view: every node drawn, sources in their category's green, the rest in the transforms' blue.
  await expect.poll(() => pixelsOf(page, '#1f9d8a')).toBeGreaterThan(10);
  await expect.poll(() => pixelsOf(page, '#3d6fe0')).toBeGreaterThan(100);
  await page.getByTestId('rf__wrapper').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Shift+Digit0');
  // 100% shows the middle of the graph.
  await expect(page.getByTestId('rf__node-n_12_20')).toBeVisible();

  // The last column's bottom row is far off screen; a click on it in the minimap goes there.
  const last = page.getByTestId('rf__node-n_24_39');
  await expect(last).toHaveCount(0);
  const box = (await page.getByTestId('minimap').boundingBox())!;
  const zoom = (await viewport(page))[2];
  const far = await minimapPoint(page, 24 * 320 + nodeWidth / 2, 39 * 170 + 40);
  await page.mouse.click(far.x, far.y);
  await expect(last).toBeVisible();
  expect((await viewport(page))[2]).toBe(zoom);
  await expect(page.getByTestId('rf__node-n_12_20')).toHaveCount(0);

  // Dragging to the top left moves the view along to the first node; the wheel zooms out in place.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const first = await minimapPoint(page, nodeWidth / 2, 40);
  await page.mouse.move(first.x, first.y, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('rf__node-n_0_0')).toBeVisible();
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => (await viewport(page))[2]).toBeLessThan(zoom);
});

test('the minimap shows a failed node in red after a run', async ({ page, served }) => {
  const pipeline: PipelineFile = {
    format: 'pipewright/pipeline@1', id: 'missing-input', name: 'Missing input', description: '', params: {},
    layout: { read: { x: 0, y: 0 }, keep: { x: 320, y: 0 } },
    nodes: [
      { id: 'read', type: 'source.read_csv', version: 1, params: { path: 'data/no-such-file.csv' } },
      { id: 'keep', type: 'transform.filter', version: 1, params: { condition: 'amount > 1' } },
    ],
    edges: [{ id: 'e1', from: { node: 'read', port: 'out' }, to: { node: 'keep', port: 'in' } }],
  };
  await writeFile(path.join(served.dir, `${pipeline.id}.pipeline.json`), JSON.stringify(pipeline, null, 2));
  await page.goto(served.url);
  await page.getByTestId(`pipeline-list-item-${pipeline.id}`).click();
  await expect.poll(() => pixelsOf(page, '#1f9d8a')).toBeGreaterThan(10);
  expect(await pixelsOf(page, '#d64545')).toBe(0);
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'failed');
  await expect.poll(() => pixelsOf(page, '#d64545')).toBeGreaterThan(10);
  // The source failed, so its green is gone; the filter after it keeps its colour.
  expect(await pixelsOf(page, '#1f9d8a')).toBe(0);
  expect(await pixelsOf(page, '#3d6fe0')).toBeGreaterThan(10);
});
