import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { clickEmptyCanvas, dropNode, mod, newPipeline, selectNode, typeCode } from './editor-actions';
import { expect, test } from './serve-fixture';

const fixture = path.resolve(import.meta.dirname, '../fixtures/npm/pw-greet');
const codeNode = 'ts_1';

test('a pipeline declares an npm package, installs it with visible progress, and a code node imports it', async ({ page, served }, testInfo) => {
  test.setTimeout(150_000); // npm, a run and Monaco's TypeScript worker on a CPU shared with other tests
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Requests for the packages' declarations, as sent over serve mode's socket.
  let typeRequests = 0;
  page.on('websocket', (ws) => ws.on('framesent', (frame) => String(frame.payload).includes('"method":"packageTypes"') && typeRequests++));
  await page.goto(served.url);
  await newPipeline(page, 'Greetings');

  // Declared in the pipeline inspector (nothing selected): a bad name is refused, the fixture added.
  const deps = page.getByTestId('dependencies');
  await expect(deps.getByTestId('dependencies-status')).toHaveText('No packages declared');
  await deps.getByTestId('dependency-new-name').fill('Bad Name');
  await expect(deps).toContainText('is not an npm package name');
  await expect(deps.getByTestId('dependency-add')).toBeDisabled();
  await deps.getByTestId('dependency-new-name').fill('pw-greet');
  await deps.getByTestId('dependency-new-spec').fill(`file:${fixture}`);
  await deps.getByTestId('dependency-add').click();
  await expect(deps.getByTestId('dependency-pw-greet-state')).toHaveText('missing');
  await expect(deps.getByTestId('dependencies-status')).toHaveText('install needed');

  // Install saves the pipeline, runs npm, shows its phases and output, then the new state.
  await deps.getByTestId('dependencies-install').click();
  await expect(deps.getByTestId('dependencies-progress')).toContainText('npm install --no-audit --no-fund --install-links');
  await expect(deps.getByTestId('dependencies-result')).toContainText(/Installed in \d/, { timeout: 60_000 });
  await expect(deps.getByTestId('dependencies-status')).toHaveText('installed');
  await expect(deps.getByTestId('dependency-pw-greet-state')).toHaveText('installed');
  await expect(deps.getByTestId('dependency-pw-greet-state')).toHaveAttribute('title', 'installed: 1.2.0');
  await deps.screenshot({ path: path.join(testInfo.project.outputDir, 'dependencies-installed.png') });
  const saved = JSON.parse(await readFile(path.join(served.dir, 'greetings.pipeline.json'), 'utf8'));
  expect(saved.dependencies).toEqual({ 'pw-greet': `file:${fixture}` });

  // A code node: an undeclared package is a "Cannot find module" marker, the declared one is not, and it runs.
  await dropNode(page, 'code.ts', { x: 300, y: 300 });
  await expect(page.getByTestId('node-inspector')).toContainText(codeNode);
  const body = 'export default async function run(): Promise<Outputs> { return { out: [{ greeting: greet(\'Ada\') }] }; }';
  await typeCode(page, 'code-editor', `import { greet } from 'pw-nope';\n${body}`);
  await expect(page.getByTestId('code-problems')).toContainText("Cannot find module 'pw-nope'", { timeout: 20_000 });
  // The installed package's own declarations type it: a wrong argument is a marker before any run.
  await typeCode(page, 'code-editor', `import { greet } from 'pw-greet';\n${body.replace("greet('Ada')", 'greet(42)')}`);
  await expect(page.getByTestId('code-problems')).toContainText("Argument of type 'number' is not assignable to parameter of type 'string'", { timeout: 20_000 });
  await typeCode(page, 'code-editor', `import { greet } from 'pw-greet';\n${body}`);
  await expect(page.getByTestId(`node-problems-${codeNode}`)).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('code-editor').locator('.squiggly-error')).toHaveCount(0);

  await page.keyboard.press(`${mod}+s`);
  await page.getByTestId('run-pipeline').click();
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'succeeded', { timeout: 60_000 });
  await page.getByTestId('panel-tab-preview').click();
  await expect(page.getByTestId('preview-total')).toContainText('1 row');
  await expect(page.getByTestId('preview-row')).toHaveText(/Hello, Ada!/);

  // Selecting the code node again reuses the declarations already fetched: no new request.
  const requestsSoFar = typeRequests;
  expect(requestsSoFar).toBeGreaterThan(0);
  await clickEmptyCanvas(page);
  await expect(page.getByTestId('code-editor')).toHaveCount(0);
  await selectNode(page, codeNode);
  await expect(page.getByTestId('code-editor')).toBeVisible();
  await expect(page.getByTestId(`node-problems-${codeNode}`)).toHaveCount(0);
  expect(typeRequests).toBe(requestsSoFar);
  expect(errors).toEqual([]);
});
