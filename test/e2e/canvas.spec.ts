import { expect, test } from './serve-fixture';

test('selects and drags nodes; the canvas keeps the new position', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await expect(page.getByTestId('node-logs')).toContainText('Select a node');

  const node = page.getByTestId('rf__node-write_big');
  const before = (await node.boundingBox())!;
  const grab = { x: before.x + before.width / 2, y: before.y + before.height / 2 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + 10, grab.y + 160, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await node.boundingBox())!.y).toBeGreaterThan(before.y + 100);

  await page.getByTestId('rf__node-read_orders').click();
  await expect(page.getByTestId('node-logs')).toContainText('read_orders');
  await expect(page.getByTestId('rf__node-read_orders')).toHaveClass(/selected/);
});
