// Canvas at scale: serve mode on a generated 1,000-node pipeline, opened in headless
// Chromium (no GPU). Prints open time, pan fps and p95 frame time at 100% zoom and
// zoomed out to show everything, each next to its target; asserts nothing.
import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { largePipeline } from './large-pipeline';
import { chromiumArgs, executablePath, startServe } from './serve-browser';

const count = Number(process.env.BENCH_NODES ?? 1000);
const panMs = 3000;
const root = process.cwd();

interface FrameStats {
  fps: number;
  p95: number;
  frames: number;
}

/** Counts requestAnimationFrame callbacks in the page between start and stop. */
const frameCounter = () => {
  let times: number[] = [];
  let running = false;
  const tick = (t: number) => {
    if (!running) return;
    times.push(t);
    requestAnimationFrame(tick);
  };
  (window as unknown as { benchFrames: unknown }).benchFrames = {
    start() {
      times = [];
      running = true;
      requestAnimationFrame(tick);
    },
    stop() {
      running = false;
      return times;
    },
  };
};

function frameStats(times: number[]): FrameStats {
  const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
  const duration = times.at(-1)! - times[0];
  return { fps: (gaps.length / duration) * 1000, p95: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))], frames: gaps.length };
}

/** A point of the visible canvas where a drag pans rather than moves a node. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const box = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    for (let r = 0; r < Math.min(box.width, box.height) / 2; r += 6) {
      for (let a = 0; a < 16; a++) {
        const x = cx + r * Math.cos((a * Math.PI) / 8);
        const y = cy + r * Math.sin((a * Math.PI) / 8);
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error('no empty canvas to start a pan from');
  return point;
}

/** Drags the canvas left and right for `panMs`, counting frames meanwhile. */
async function pan(page: Page): Promise<FrameStats> {
  const start = await emptyPanePoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.evaluate(() => (window as unknown as { benchFrames: { start(): void } }).benchFrames.start());
  const began = Date.now();
  for (let leg = 0; Date.now() - began < panMs; leg++) {
    const dx = leg % 2 === 0 ? -260 : 260;
    await page.mouse.move(start.x + (leg % 2 === 0 ? dx : 0), start.y + (leg % 2 === 0 ? 40 : 0), { steps: 40 });
  }
  const times = await page.evaluate(() => (window as unknown as { benchFrames: { stop(): number[] } }).benchFrames.stop());
  await page.mouse.up();
  return frameStats(times);
}

const zoom = (page: Page) =>
  page.evaluate(() => {
    const transform = (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
    return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 1);
  });
const drawnNodes = (page: Page) => page.locator('.react-flow__node').count();

function row(label: string, value: string, target: string): void {
  console.log(`${label.padEnd(46)} ${value.padStart(22)}   target ${target}`);
}

execFileSync(process.execPath, ['build/build.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
const dir = await mkdtemp(path.join(os.tmpdir(), 'pipewright-canvas-bench-'));
await mkdir(path.join(dir, 'data'));
await cp(path.join(root, 'pipelines/data/orders.csv'), path.join(dir, 'data/orders.csv'));
const pipeline = largePipeline(count);
await writeFile(path.join(dir, `${pipeline.id}.pipeline.json`), `${JSON.stringify(pipeline, null, 2)}\n`);
const { child, url } = await startServe(root, dir);
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(frameCounter);
  const scripts: string[] = [];
  page.on('request', (request) => void (request.resourceType() === 'script' && scripts.push(request.url())));
  await page.goto(url);
  const item = page.getByTestId(`pipeline-list-item-${pipeline.id}`);
  await item.waitFor();

  // Open: from the click until nodes are measured and shown and the edges drawn, in the page's own clock.
  await page.evaluate(() => {
    const w = window as unknown as { benchOpen: Promise<number> };
    w.benchOpen = new Promise((resolve) => {
      addEventListener(
        'click',
        () => {
          const clicked = performance.now();
          const check = () => {
            const nodes = document.querySelectorAll('.react-flow__node');
            const shown = nodes.length > 0 && Array.from(nodes).every((n) => (n as HTMLElement).style.visibility !== 'hidden');
            if (shown && document.querySelector('.react-flow__edge')) resolve(performance.now() - clicked);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        },
        { capture: true, once: true },
      );
    });
  });
  await item.click();
  const openMs = await page.evaluate(() => (window as unknown as { benchOpen: Promise<number> }).benchOpen);
  await page.waitForTimeout(500);
  const startupMonaco = scripts.some((s) => /monaco|editor\.main/i.test(s));

  // Frame rates depend on what else the machine runs: say how busy it was.
  const load = os.loadavg()[0].toFixed(1);
  console.log(`${count} nodes, ${pipeline.edges.length} edges; viewport 1400x900; headless Chromium, --disable-gpu; ${os.cpus().length} CPUs, load average ${load}\n`);
  row('open + lay out (click -> nodes and edges shown)', `${openMs.toFixed(0)} ms`, '<= 1000 ms');

  // Over 2,000 nodes a pipeline opens at 100% (Canvas.tsx, openingView): fit it to show every node, as the row says.
  await page.getByTestId('rf__wrapper').click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('Shift+Digit1'); // Zoom to fit
  await page.waitForTimeout(count > 2000 ? 3000 : 600);
  const fitZoom = await zoom(page);
  const fitDrawn = await drawnNodes(page);
  const far = await pan(page);
  row(`pan, fit to all (zoom ${fitZoom.toFixed(2)}, ${fitDrawn} nodes drawn)`, `${far.fps.toFixed(1)} fps, p95 ${far.p95.toFixed(1)} ms`, '>= 30 fps');

  await page.keyboard.press('Shift+Digit0'); // Zoom to 100%
  await page.waitForTimeout(600);
  const nearZoom = await zoom(page);
  const near = await pan(page);
  const nearDrawn = await drawnNodes(page);
  row(`pan at zoom ${nearZoom.toFixed(2)} (${nearDrawn} nodes drawn)`, `${near.fps.toFixed(1)} fps, p95 ${near.p95.toFixed(1)} ms`, '>= 50 fps, p95 <= 25 ms');
  row('Monaco loaded at start-up', startupMonaco ? 'yes' : 'no', 'no (loaded on first use)');
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
}
