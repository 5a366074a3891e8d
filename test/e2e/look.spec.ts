import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { clickEmptyCanvas, dragWire, selectNode } from './editor-actions';
import { expect, test } from './serve-fixture';

interface TypeInfo {
  type: string;
  inputs: { type: string }[];
  params: { name: string; kind: string }[];
}

/** A catalog type with a single table input and a columns param, found through the CLI, not hard-coded. */
function columnsNodeType(): TypeInfo | undefined {
  const cli = path.resolve(import.meta.dirname, '../../dist/node/cli.js');
  const types = JSON.parse(execFileSync(process.execPath, [cli, 'nodes', '--json'], { encoding: 'utf8' })) as TypeInfo[];
  return types.find((t) => t.inputs.length === 1 && t.inputs[0].type === 'table' && t.params.some((p) => p.kind === 'columns'));
}

for (const scheme of ['light', 'dark'] as const) {
  test(`follows the OS ${scheme} theme; screenshots of the main views`, async ({ page, served }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(served.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await page.getByTestId('pipeline-list-item-big-orders').click();
    await page.getByTestId('run-pipeline').click();
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 30_000 });
    await selectNode(page, 'filter_big');
    await page.screenshot({ path: path.join(testInfo.project.outputDir, `editor-${scheme}.png`) });

    // A node with a columns param, fed by the filter: its inspector suggests the filter's preview columns.
    const withColumns = columnsNodeType();
    test.skip(!withColumns, 'no node type with a columns param in the catalog');
    const columnsParam = withColumns!.params.find((p) => p.kind === 'columns')!.name;
    await clickEmptyCanvas(page);
    const out = (await page.getByTestId('port-filter_big-out-out').boundingBox())!;
    await dragWire(page, 'port-filter_big-out-out', 'port-filter_big-out-out');
    await page.mouse.move(out.x + 40, out.y + 200, { steps: 8 });
    await page.mouse.up();
    await page.getByTestId('quick-add-search').fill(withColumns!.type);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('node-inspector')).toContainText(withColumns!.type);
    await page.getByTestId(`param-${columnsParam}-suggestion-amount`).click();
    await page.getByTestId(`param-${columnsParam}-suggestion-customer`).click();
    await expect(page.getByTestId(`param-${columnsParam}-chip-amount`)).toBeVisible();
    await page.screenshot({ path: path.join(testInfo.project.outputDir, `inspector-${scheme}.png`) });
  });
}
