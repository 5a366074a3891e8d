import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** PIPEWRIGHT_CHROMIUM, else the system Chromium when there is one, else Playwright's own. */
function chromiumPath(): string | undefined {
  if (process.env.PIPEWRIGHT_CHROMIUM) return process.env.PIPEWRIGHT_CHROMIUM;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  workers: 1,
  timeout: 60_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
