import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../node-library/contract';
import { chromiumArgs, executablePath, startServe } from '../bench/serve-browser';
import { repoRoot, tempDir } from '../unit/helpers';
import { percentile, recordFigure } from './figures';

const count = 10_000;
const rows = 40;

/** `count` no-op nodes in `rows` parallel chains, laid out as a grid (no auto-layout on open). */
function wideChains(): PipelineFile {
  const id = (i: number) => `n_${Math.floor(i / rows)}_${i % rows}`;
  const nodes = Array.from({ length: count }, (_, i) => ({ id: id(i), type: 'util.noop', version: 1, params: {} }));
  return {
    format: 'pipewright/pipeline@1', id: 'wide-chains', name: 'Wide chains', description: '', params: {},
    layout: Object.fromEntries(nodes.map((n, i) => [n.id, { x: Math.floor(i / rows) * 320, y: (i % rows) * 170 }])),
    nodes,
    edges: nodes.slice(rows).map((n, i) => ({ id: `e${i}`, from: { node: id(i), port: 'out' }, to: { node: n.id, port: 'in' } })),
  };
}

/** In the page: long tasks, frame gaps and interaction latencies (Event Timing) from start() to stop(). */
const probes = () => {
  const w = window as unknown as { probes: unknown };
  let longTasks: number[] = [];
  let frames: number[] = [];
  let events: { name: string; duration: number }[] = [];
  let running = false;
  new PerformanceObserver((list) => running && longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  new PerformanceObserver((list) => running && events.push(...list.getEntries().map((e) => ({ name: e.name, duration: e.duration })))).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  const tick = (t: number) => {
    if (!running) return;
    frames.push(t);
    requestAnimationFrame(tick);
  };
  w.probes = {
    start() {
      [longTasks, frames, events, running] = [[], [], [], true];
      requestAnimationFrame(tick);
    },
    stop() {
      running = false;
      return { longTasks, frames, events };
    },
  };
};

/** In the page: the nodes whose label is on screen and not covered, with the point to click. */
const nodesInView = () => {
  const pane = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
  const found: { id: string; x: number; y: number }[] = [];
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node'))) {
    const box = el.getBoundingClientRect();
    const [x, y] = [box.left + box.width / 2, box.top + 14];
    if (x > pane.left && x < pane.right && y > pane.top && y < pane.bottom && el.contains(document.elementFromPoint(x, y))) found.push({ id: el.dataset.id!, x, y });
  }
  return found;
};

let served: Awaited<ReturnType<typeof startServe>> | undefined;
beforeAll(() => {
  execFileSync(process.execPath, ['build/build.mjs', '--if-stale'], { cwd: repoRoot, stdio: 'inherit' });
});
afterAll(() => {
  served?.child.kill('SIGTERM');
});

describe('the renderer while a 10,000-node run streams its events', () => {
  it('shows every node finished and keeps answering clicks', async () => {
    const dir = await tempDir();
    const pipeline = wideChains();
    await writeFile(path.join(dir, `${pipeline.id}.pipeline.json`), JSON.stringify(pipeline));
    served = await startServe(repoRoot, dir);
    const browser = await chromium.launch({ executablePath, args: chromiumArgs });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.addInitScript(probes);
      await page.goto(served.url);
      await page.getByTestId(`pipeline-list-item-${pipeline.id}`).click();
      await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
      await page.getByTestId('rf__wrapper').click({ position: { x: 8, y: 8 } });
      await page.keyboard.press('Shift+Digit0');
      await page.waitForTimeout(500);

      await page.evaluate(() => (window as unknown as { probes: { start(): void } }).probes.start());
      const began = Date.now();
      await page.getByTestId('run-pipeline').click();
      // A person clicking around meanwhile: select the nodes in view in turn until the run ends.
      const state = page.getByTestId('run-state');
      let clicks = 0;
      while ((await state.getAttribute('data-state')) !== 'succeeded' && Date.now() - began < 120_000) {
        const targets = await page.evaluate(nodesInView);
        const target = targets[clicks % targets.length];
        await page.mouse.click(target.x, target.y);
        await page.waitForSelector(`[data-testid="rf__node-${target.id}"].selected`, { timeout: 30_000 });
        clicks++;
        await page.waitForTimeout(100);
      }
      const runMs = Date.now() - began;
      const measured = await page.evaluate(() => (window as unknown as { probes: { stop(): { longTasks: number[]; frames: number[]; events: { name: string; duration: number }[] } } }).probes.stop());
      await expect.poll(() => state.getAttribute('data-state')).toBe('succeeded');
      const drawnStates = await page.locator('.react-flow__node .pw-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
      const gaps = measured.frames.slice(1).map((t, i) => t - measured.frames[i]);
      const longest = Math.max(0, ...measured.longTasks);
      const interactions = measured.events.filter((e) => ['pointerdown', 'pointerup', 'click'].includes(e.name)).map((e) => e.duration);
      const worstInteraction = Math.max(0, ...interactions);
      const figure = `run ${runMs} ms in the page, ${clicks} clicks; slowest interaction ${worstInteraction.toFixed(0)} ms (target <= 200); longest task ${longest.toFixed(0)} ms, ${measured.longTasks.length} long tasks; frame gap p95 ${percentile(gaps, 95).toFixed(0)} ms, max ${Math.max(0, ...gaps).toFixed(0)} ms`;
      console.log(figure);
      recordFigure(`load: UI while a ${count.toLocaleString('en')}-node run streams`, figure, worstInteraction <= 200);
      expect(drawnStates.length).toBeGreaterThan(0);
      expect(drawnStates.every((s) => s === 'succeeded')).toBe(true);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
