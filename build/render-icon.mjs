// Renders build/resources/icon.svg to icon.png (1024 px) with Chromium, since the repo has no image
// tool; electron-builder derives the macOS .icns and Windows .ico from that PNG.
// Run after changing the SVG: node build/render-icon.mjs
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const resources = path.join(path.dirname(fileURLToPath(import.meta.url)), 'resources');
const svg = await readFile(path.join(resources, 'icon.svg'), 'utf8');
const executablePath = process.env.PIPEWRIGHT_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(resources, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('wrote build/resources/icon.png');
