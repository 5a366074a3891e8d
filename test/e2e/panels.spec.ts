import path from 'node:path';
import { mod } from './editor-actions';
import { expect, test } from './serve-fixture';

// 200% browser zoom on a 1400x900 window: the page lays out in 700x450 CSS pixels at twice the density.
test.use({ viewport: { width: 700, height: 450 }, deviceScaleFactor: 2 });

test('at 200% zoom the side and bottom panels fold away for the canvas, and stay folded after a reload', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('pipeline-list-item-big-orders').click();
  const canvas = page.getByTestId('canvas');
  await expect(page.getByTestId('rf__node-read_orders')).toBeVisible();
  const before = (await canvas.boundingBox())!;

  await page.getByTestId('toggle-panel-sidebar').click();
  await page.getByTestId('toggle-panel-inspector').click();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(page.getByTestId('toggle-panel-sidebar')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press(`${mod}+j`); // the bottom panel, by its shortcut
  await expect(page.getByTestId('node-logs')).toHaveCount(0);
  const after = (await canvas.boundingBox())!;
  expect(after.width).toBeGreaterThan(before.width + 300);
  expect(after.height).toBeGreaterThan(before.height + 100);
  await page.keyboard.press('Shift+Digit1'); // zoom to fit the larger canvas
  await page.waitForTimeout(400); // the fit animates
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'zoom-200-panels-folded.png') });

  // Remembered: a reload keeps them folded, with the canvas still fully usable.
  await page.reload();
  await page.getByTestId('toggle-panel-sidebar').click();
  await page.getByTestId('pipeline-list-item-big-orders').click();
  await page.getByTestId('toggle-panel-sidebar').click();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(page.getByTestId('node-logs')).toHaveCount(0);
  await expect(page.getByTestId('rf__node-read_orders')).toBeVisible();

  // And back: each toggle brings its panel back.
  await page.getByTestId('toggle-panel-inspector').click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.getByTestId('toggle-panel-bottom').click();
  await expect(page.getByTestId('node-logs')).toBeVisible();
});
