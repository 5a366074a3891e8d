import path from 'node:path';
import { connectPorts, dragWire, dropNode, newPipeline } from './editor-actions';
import { expect, test } from './serve-fixture';

test('refuses an incompatible edge while dragging and says why', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await newPipeline(page, 'Wiring');
  await dropNode(page, 'transform.filter', { x: 200, y: 300 });
  await dropNode(page, 'sink.write_csv', { x: 480, y: 120 });

  await dragWire(page, 'port-write_csv_1-out-file', 'port-filter_1-in-in');
  await expect(page.getByTestId('connection-refused')).toHaveText('file output cannot feed a table input');
  await page.screenshot({ path: path.join(testInfo.project.outputDir, 'refused-edge.png') });
  await page.mouse.up();
  await expect(page.getByTestId('connection-refused')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);

  // A compatible pair connects; a cycle back is refused with its reason.
  await connectPorts(page, 'filter_1.out', 'write_csv_1.in');
  await expect(page.getByTestId('rf__edge-e1')).toBeAttached();
});

test('replaces the edge into a connected input, refuses cycles, deletes a selected edge', async ({ page, served }) => {
  await page.goto(served.url);
  await newPipeline(page, 'Rewiring');
  await dropNode(page, 'source.read_csv', { x: 140, y: 80 });
  await dropNode(page, 'source.read_csv', { x: 140, y: 300 });
  await dropNode(page, 'transform.filter', { x: 440, y: 180 });
  await dropNode(page, 'transform.filter', { x: 440, y: 420 });

  await connectPorts(page, 'read_csv_1.out', 'filter_1.in');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await connectPorts(page, 'read_csv_2.out', 'filter_1.in');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('rf__edge-e1')).toHaveAttribute('aria-label', /read_csv_2 to filter_1/);

  await connectPorts(page, 'filter_1.out', 'filter_2.in');
  await dragWire(page, 'port-filter_2-out-out', 'port-filter_1-in-in');
  await expect(page.getByTestId('connection-refused')).toHaveText('this edge would close a cycle: filter_2 already depends on filter_1');
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await page.getByTestId('rf__edge-e2').click();
  await expect(page.getByTestId('rf__edge-e2')).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('rf__edge-e1')).toBeAttached();
});
