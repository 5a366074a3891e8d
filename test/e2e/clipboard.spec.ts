import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { boxSelect, clickEmptyCanvas, mod, newPipeline } from './editor-actions';
import { expect, test } from './serve-fixture';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('copies a box selection as pipeline JSON and pastes it into a second pipeline', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(3);

  // Box-select the filter and the writer (Shift+drag around them), then copy.
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const filter = (await page.getByTestId('rf__node-filter_big').boundingBox())!;
  const writer = (await page.getByTestId('rf__node-write_big').boundingBox())!;
  await boxSelect(
    page,
    { x: filter.x - canvas.x - 15, y: Math.min(filter.y, writer.y) - canvas.y - 15 },
    { x: writer.x + writer.width - canvas.x + 15, y: Math.max(filter.y + filter.height, writer.y + writer.height) - canvas.y + 15 },
  );
  await expect(page.getByTestId('rf__node-filter_big')).toHaveClass(/selected/);
  await expect(page.getByTestId('rf__node-write_big')).toHaveClass(/selected/);
  await expect(page.getByTestId('rf__node-read_orders')).not.toHaveClass(/selected/);
  await page.keyboard.press(`${mod}+c`);
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  const original = JSON.parse(await readFile(path.join(served.dir, 'big-orders.pipeline.json'), 'utf8'));
  expect(copied).toEqual({
    format: 'pipewright/pipeline@1',
    nodes: original.nodes.slice(1),
    edges: original.edges.slice(1),
    layout: { filter_big: original.layout.filter_big, write_big: original.layout.write_big },
  });

  await newPipeline(page, 'Pasted');
  await clickEmptyCanvas(page);
  await page.keyboard.press(`${mod}+v`);
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.getByTestId('rf__node-filter_big')).toHaveClass(/selected/);
  await expect(page.getByTestId('rf__edge-e2')).toBeAttached();

  // Pasting again makes copies with fresh ids, moved off the originals.
  await page.keyboard.press(`${mod}+v`);
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.getByTestId('rf__node-filter_big_1')).toHaveClass(/selected/);
  await expect(page.getByTestId('rf__node-filter_big')).not.toHaveClass(/selected/);

  // Cut takes the copies out again.
  await page.keyboard.press(`${mod}+x`);
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  await page.keyboard.press(`${mod}+s`);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  const saved = JSON.parse(await readFile(path.join(served.dir, 'pasted.pipeline.json'), 'utf8'));
  expect(saved.nodes).toEqual(copied.nodes);
  expect(saved.edges).toEqual(copied.edges);
  expect(saved.layout).toEqual(copied.layout);
});
