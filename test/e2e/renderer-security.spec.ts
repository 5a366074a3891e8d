import { expect, test } from './serve-fixture';

/** Runs `inject` in the page and reports what got through and what CSP refused. */
async function probe(page: import('@playwright/test').Page, inject: 'inline' | 'remote' | 'eval' | 'function') {
  return page.evaluate(async (kind) => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const w = window as unknown as { __injected?: boolean };
    delete w.__injected;
    // Run from a timer task, not inside the DevTools evaluation: DevTools may lift the eval
    // restriction for its own calls (CDP's allowUnsafeEvalBlockedByCSP), the page never can.
    const threw = await new Promise<string>((resolve) =>
      setTimeout(() => {
        try {
          if (kind === 'inline' || kind === 'remote') {
            const script = document.createElement('script');
            if (kind === 'inline') script.textContent = 'window.__injected = true';
            else script.src = 'https://cdn.example.invalid/evil.js';
            document.body.append(script);
          } else if (kind === 'eval') {
            eval('window.__injected = true');
          } else {
            new Function('window.__injected = true')();
          }
          resolve('');
        } catch (error) {
          resolve((error as Error).name);
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { ran: w.__injected === true, threw, violations };
  }, inject);
}

test('the served renderer has no Node globals', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('pipeline-list-item-big-orders')).toBeVisible();
  const globals = await page.evaluate(() => ['require', 'process', 'module', 'Buffer', 'global', '__dirname'].map((name) => [name, typeof (window as unknown as Record<string, unknown>)[name]]));
  expect(Object.fromEntries(globals)).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', global: 'undefined', __dirname: 'undefined' });
});

test('the CSP blocks injected inline and remote scripts, eval and new Function', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('pipeline-list-item-big-orders')).toBeVisible();
  const inline = await probe(page, 'inline');
  expect(inline.ran).toBe(false);
  expect(inline.violations).toContain('script-src-elem');
  const remote = await probe(page, 'remote');
  expect(remote.violations).toContain('script-src-elem');
  for (const kind of ['eval', 'function'] as const) {
    const result = await probe(page, kind);
    expect(result, kind).toMatchObject({ ran: false, threw: 'EvalError' });
  }
});

test('control: without the CSP the same probes do run, so the checks above can fail', async ({ page }) => {
  await page.setContent('<html><body></body></html>');
  expect(await probe(page, 'inline')).toMatchObject({ ran: true, violations: [] });
  expect(await probe(page, 'eval')).toMatchObject({ ran: true, threw: '' });
});
