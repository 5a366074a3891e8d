import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { draftFolder } from '../../node-library/backend/draft-store';
import { canvasPositions, mod, selectNode } from './editor-actions';
import { expect, test } from './serve-fixture';

async function openPipeline(page: Page, id: string, name: string): Promise<void> {
  await page.getByTestId(`pipeline-list-item-${id}`).click();
  await expect(page.getByTestId('open-pipeline-name')).toHaveText(name);
}

/** Picks an action from a pipeline's ⋯ menu in the sidebar. */
async function pipelineMenu(page: Page, id: string, action: 'rename' | 'duplicate' | 'save-as' | 'delete'): Promise<void> {
  await page.getByTestId(`pipeline-list-item-${id}`).hover();
  await page.getByTestId(`pipeline-menu-${id}`).click();
  await page.getByTestId(action === 'save-as' ? `save-pipeline-as-${id}` : `${action}-pipeline-${id}`).click();
}

async function relabel(page: Page, nodeId: string, label: string): Promise<void> {
  await selectNode(page, nodeId);
  await page.getByTestId('inspector-label').fill(label);
  await expect(page.getByTestId(`node-label-${nodeId}`)).toHaveText(label);
}

const fileOf = (dir: string, id: string) => path.join(dir, `${id}.pipeline.json`);

test('Save As writes the unsaved canvas as a second pipeline that reopens identically; the original stays', async ({ page, served }) => {
  const original = await readFile(fileOf(served.dir, 'big-orders'), 'utf8');
  await page.goto(served.url);
  await openPipeline(page, 'big-orders', 'Big orders');
  await relabel(page, 'filter_big', 'Keep huge orders');
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();

  await pipelineMenu(page, 'big-orders', 'save-as');
  await expect(page.getByTestId('dialog-input')).toHaveValue('Big orders copy');
  await page.getByTestId('dialog-input').fill('Huge orders');
  await page.getByTestId('dialog-save-as').click();
  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Huge orders');
  await expect(page.getByTestId('pipeline-list-item-huge-orders')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  const saved = await readFile(fileOf(served.dir, 'huge-orders'), 'utf8');
  expect(JSON.parse(saved)).toMatchObject({ id: 'huge-orders', name: 'Huge orders', nodes: [{}, { id: 'filter_big', label: 'Keep huge orders' }, {}] });
  expect(await readFile(fileOf(served.dir, 'big-orders'), 'utf8')).toBe(original);
  const positions = await canvasPositions(page);

  await page.reload();
  await openPipeline(page, 'huge-orders', 'Huge orders');
  await expect(page.getByTestId('node-label-filter_big')).toHaveText('Keep huge orders');
  expect(await canvasPositions(page)).toEqual(positions);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-palette-search').fill('save pipeline');
  await page.getByTestId('command-save').click();
  await expect.poll(() => readFile(fileOf(served.dir, 'huge-orders'), 'utf8')).toBe(saved);
  await openPipeline(page, 'big-orders', 'Big orders');
  await expect(page.getByTestId('node-label-filter_big')).toHaveText('Keep orders over 100');
  // Shift+Ctrl/Cmd+S asks for the new name too; Escape leaves everything as it was.
  await page.keyboard.press(`Shift+${mod}+s`);
  await expect(page.getByTestId('dialog')).toContainText('Save “Big orders” as…');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dialog')).toHaveCount(0);
  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Big orders');
});

test('Rename moves the file to the new name, refuses a clash in place, and keeps unsaved changes', async ({ page, served }) => {
  await page.goto(served.url);
  await openPipeline(page, 'big-orders', 'Big orders');
  await relabel(page, 'filter_big', 'Unsaved label');

  await pipelineMenu(page, 'big-orders', 'rename');
  await expect(page.getByTestId('dialog-input')).toHaveValue('Big orders');
  await page.getByTestId('dialog-input').fill('Clean orders');
  await page.getByTestId('dialog-rename').click();
  await expect(page.getByTestId('dialog')).toContainText('a pipeline with id clean-orders already exists (clean-orders.pipeline.json); choose another name');
  await expect(page.getByTestId('dialog-input')).toHaveValue('Clean orders');
  await page.getByTestId('dialog-input').fill('Large orders');
  await page.getByTestId('dialog-rename').click();

  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Large orders');
  await expect(page.getByTestId('pipeline-list-item-large-orders')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('pipeline-list-item-big-orders')).toHaveCount(0);
  expect(existsSync(fileOf(served.dir, 'big-orders'))).toBe(false);
  expect(JSON.parse(await readFile(fileOf(served.dir, 'large-orders'), 'utf8'))).toMatchObject({ id: 'large-orders', name: 'Large orders', nodes: [{}, { label: 'Keep orders over 100' }, {}] });
  expect(JSON.parse(await readFile(fileOf(served.dir, 'clean-orders'), 'utf8')).name).toBe('Clean orders');

  // The edit made before the rename is still there, unsaved, and saves into the renamed file.
  await expect(page.getByTestId('dirty-indicator')).toBeVisible();
  await expect(page.getByTestId('node-label-filter_big')).toHaveText('Unsaved label');
  // A rename is not an edit: undo takes back the label, not the name, and leaves nothing unsaved.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('node-label-filter_big')).toHaveText('Keep orders over 100');
  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Large orders');
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(page.getByTestId('node-label-filter_big')).toHaveText('Unsaved label');
  await page.keyboard.press(`${mod}+s`);
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0);
  expect(JSON.parse(await readFile(fileOf(served.dir, 'large-orders'), 'utf8')).nodes[1].label).toBe('Unsaved label');
  expect(existsSync(fileOf(served.dir, 'big-orders'))).toBe(false);
});

test('Duplicate copies a pipeline as <id>-copy, from the command palette and from the sidebar', async ({ page, served }) => {
  await page.goto(served.url);
  await openPipeline(page, 'big-orders', 'Big orders');
  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-palette-search').fill('duplicate pipeline');
  await page.getByTestId('command-duplicate-pipeline').click();
  await expect(page.getByTestId('pipeline-list-item-big-orders-copy')).toContainText('Big orders (copy)');
  await pipelineMenu(page, 'big-orders', 'duplicate');
  await expect(page.getByTestId('pipeline-list-item-big-orders-copy-2')).toBeVisible();
  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Big orders');

  const source = JSON.parse(await readFile(fileOf(served.dir, 'big-orders'), 'utf8'));
  const copy = JSON.parse(await readFile(fileOf(served.dir, 'big-orders-copy'), 'utf8'));
  expect(copy).toEqual({ ...source, id: 'big-orders-copy', name: 'Big orders (copy)' });
  await openPipeline(page, 'big-orders-copy', 'Big orders (copy)');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
});

test('Recent lists the last opened pipelines, newest first, across a reload and in the command palette', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('pipelines-tab-recent').click();
  await expect(page.getByTestId('pipelines-recent').getByRole('listitem')).toHaveCount(0);
  await page.getByTestId('pipelines-tab-all').click();
  await openPipeline(page, 'clean-orders', 'Clean orders');
  await openPipeline(page, 'covid-monthly', 'COVID-19 monthly totals');
  await openPipeline(page, 'big-orders', 'Big orders');

  await page.reload();
  await page.getByTestId('pipelines-tab-recent').click();
  const rows = page.getByTestId('pipelines-recent').getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Big orders');
  await expect(rows.nth(1)).toContainText('covid-monthly');
  await expect(rows.nth(2)).toContainText('Clean orders');
  await page.getByTestId('recent-pipeline-clean-orders').click();
  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Clean orders');
  await expect(rows.nth(0)).toContainText('Clean orders');

  await page.keyboard.press(`${mod}+k`);
  await page.getByTestId('command-palette-search').fill('recent big');
  await page.getByTestId('command-open-recent-big-orders').click();
  await expect(page.getByTestId('open-pipeline-name')).toHaveText('Big orders');
});

test('an unsaved edit is autosaved as a draft and offered back after the tab was closed without saving', async ({ page, served }, testInfo) => {
  const draft = path.join(draftFolder(path.join(served.dir, '.pipewright-data'), served.dir), 'big-orders.json');
  await page.goto(served.url);
  await openPipeline(page, 'big-orders', 'Big orders');
  await relabel(page, 'filter_big', 'Edited before the crash');
  await expect.poll(() => existsSync(draft), { timeout: 10_000 }).toBe(true);
  expect(JSON.parse(await readFile(draft, 'utf8')).nodes[1].label).toBe('Edited before the crash');

  // The tab goes away without a chance to save: no beforeunload prompt, as in a crash.
  await page.close({ runBeforeUnload: false });
  const next = await page.context().newPage();
  await next.goto(served.url);
  await openPipeline(next, 'big-orders', 'Big orders');
  await expect(next.getByTestId('dialog')).toContainText('Restore unsaved changes to “Big orders”?');
  await next.screenshot({ path: path.join(testInfo.project.outputDir, 'restore-draft.png') });
  await next.getByTestId('dialog-restore').click();
  await expect(next.getByTestId('node-label-filter_big')).toHaveText('Edited before the crash');
  await expect(next.getByTestId('dirty-indicator')).toBeVisible();
  expect(JSON.parse(await readFile(fileOf(served.dir, 'big-orders'), 'utf8')).nodes[1].label).toBe('Keep orders over 100');

  // Saving writes the restored edit and removes the draft.
  await next.keyboard.press(`${mod}+s`);
  await expect(next.getByTestId('dirty-indicator')).toHaveCount(0);
  expect(JSON.parse(await readFile(fileOf(served.dir, 'big-orders'), 'utf8')).nodes[1].label).toBe('Edited before the crash');
  await expect.poll(() => existsSync(draft)).toBe(false);
});

test('a discarded draft is gone, and the file opens as it was saved', async ({ page, served }) => {
  const draft = path.join(draftFolder(path.join(served.dir, '.pipewright-data'), served.dir), 'big-orders.json');
  await page.goto(served.url);
  await openPipeline(page, 'big-orders', 'Big orders');
  await relabel(page, 'filter_big', 'Not wanted');
  await expect.poll(() => existsSync(draft), { timeout: 10_000 }).toBe(true);
  await page.close({ runBeforeUnload: false });

  const next = await page.context().newPage();
  await next.goto(served.url);
  await openPipeline(next, 'big-orders', 'Big orders');
  await next.getByTestId('dialog-discard').click();
  await expect(next.getByTestId('node-label-filter_big')).toHaveText('Keep orders over 100');
  await expect(next.getByTestId('dirty-indicator')).toHaveCount(0);
  await expect.poll(() => existsSync(draft)).toBe(false);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the sidebar in ${scheme}: a pipeline's menu opens whole on screen, its items in order; screenshots`, async ({ page, served }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(served.url);
    await openPipeline(page, 'big-orders', 'Big orders');
    await relabel(page, 'filter_big', 'Keep orders over 200');
    const sidebar = page.getByRole('navigation', { name: 'Pipelines' });
    // The header (title, All/Recent, New) fits on one line within the list's width.
    const newButton = (await page.getByTestId('new-pipeline').boundingBox())!;
    const row = (await page.getByTestId('pipeline-list-item-big-orders').boundingBox())!;
    expect(newButton.x + newButton.width).toBeLessThanOrEqual(row.x + row.width + 1);
    expect(newButton.height).toBeLessThan(32);
    await sidebar.screenshot({ path: path.join(testInfo.project.outputDir, `sidebar-${scheme}.png`) });

    const last = 'sales-report';
    await page.getByTestId(`pipeline-list-item-${last}`).hover();
    await page.getByTestId(`pipeline-menu-${last}`).click();
    const menu = page.getByRole('menu', { name: 'Actions for Sales report' });
    await expect(menu.getByRole('menuitem')).toHaveText(['Rename…', 'Duplicate', 'Delete…']);
    const box = (await menu.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(box.x).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: path.join(testInfo.project.outputDir, `sidebar-menu-${scheme}.png`), clip: { x: 0, y: 0, width: 480, height: 460 } });
    // Arrows move between the items; Escape closes the menu.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId(`duplicate-pipeline-${last}`)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);

    await page.getByTestId('pipelines-tab-recent').click();
    await expect(page.getByTestId('recent-pipeline-big-orders')).toBeVisible();
    await sidebar.screenshot({ path: path.join(testInfo.project.outputDir, `sidebar-recent-${scheme}.png`) });
  });
}
