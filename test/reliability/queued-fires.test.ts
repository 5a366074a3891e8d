import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../unit/helpers';
import { percentile, recordFigure, scale } from './figures';

const kills = scale(4, 30);
const child = path.join(repoRoot, 'test-results', 'queue-child.mjs');

beforeAll(async () => {
  await build({ entryPoints: [path.join(repoRoot, 'test/reliability/queue-child.ts')], outfile: child, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
});

interface Child {
  proc: ChildProcess;
  lines: string[];
  ready: Promise<void>;
  exited: Promise<void>;
}

function startChild(dataDir: string, pipelinesDir: string): Child {
  const proc = spawn(process.execPath, [child, dataDir, pipelinesDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let err = '';
  let partial = '';
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      const text = partial + chunk;
      const parts = text.split('\n');
      partial = parts.pop()!;
      lines.push(...parts);
      if (parts.includes('ready')) resolve();
    });
    proc.on('exit', () => reject(new Error(`child exited before it was ready: ${err}`)));
  });
  proc.stderr!.on('data', (chunk: Buffer) => (err += chunk));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return { proc, lines, ready, exited };
}

function fires(dbFile: string): { runId: string; outcome: string; reason: string | null }[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare('SELECT run_id AS runId, outcome, reason FROM schedule_fires ORDER BY id').all() as { runId: string; outcome: string; reason: string | null }[];
  } finally {
    db.close();
  }
}

function runIds(dbFile: string): Set<string> {
  const db = new Database(dbFile, { readonly: true });
  try {
    return new Set(db.prepare("SELECT id FROM runs WHERE trigger = 'schedule'").pluck().all() as string[]);
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until none of `waiting` is still queued; resolves with how long that took. */
async function dispatched(dbFile: string, waiting: Set<string>, started: number): Promise<number> {
  while (performance.now() - started < 15_000) {
    if (fires(dbFile).every((f) => !waiting.has(f.runId) || f.outcome !== 'queued')) return performance.now() - started;
    await sleep(20);
  }
  throw new Error(`fires still queued 15 s after restart: ${[...waiting].join(', ')}`);
}

describe('queued scheduled runs under SIGKILL', () => {
  it(`dispatches each fire queued at a kill once after restart, over ${kills} kills`, async () => {
    const dir = await tempDir();
    const pipelinesDir = path.join(dir, 'pipelines');
    await mkdir(pipelinesDir);
    const dbFile = path.join(dir, 'history.sqlite');
    const everQueued = new Set<string>();
    const dispatchMs: number[] = [];
    const started: string[] = [];
    let waiting = new Set<string>();
    for (let i = 0; i <= kills; i++) {
      const run = startChild(dir, pipelinesDir);
      const spawnedAt = performance.now();
      await run.ready;
      if (waiting.size > 0) dispatchMs.push(await dispatched(dbFile, waiting, spawnedAt));
      // The last round only checks the fires the last kill left queued.
      if (i < kills) await sleep(800 + Math.random() * 2700);
      run.proc.kill('SIGKILL');
      await run.exited;
      started.push(...run.lines.filter((l) => l.startsWith('started ')).map((l) => l.slice('started '.length)));
      waiting = new Set(fires(dbFile).filter((f) => f.outcome === 'queued').map((f) => f.runId));
      for (const id of waiting) everQueued.add(id);
    }

    const all = fires(dbFile);
    const runs = runIds(dbFile);
    const counts = new Map<string, number>();
    for (const id of started) counts.set(id, (counts.get(id) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    const neverRan = all.filter((f) => everQueued.has(f.runId) && (f.outcome !== 'started' || !runs.has(f.runId)));
    const failed = all.filter((f) => f.outcome === 'failed');
    const strays = [...runs].filter((id) => !all.some((f) => f.runId === id && f.outcome === 'started'));
    // The final round leaves its own new fires queued; every fire queued at an earlier kill must have started.
    const lastRound = new Set(waiting);
    const neverRanBefore = neverRan.filter((f) => !lastRound.has(f.runId));
    const ok = twice.length === 0 && neverRanBefore.length === 0 && failed.length === 0 && strays.length === 0 && everQueued.size > 0;
    recordFigure(
      `queued scheduled runs: SIGKILL at 0.8-3.5 s, ${kills} times`,
      `${everQueued.size} fires queued at a kill, ${everQueued.size - lastRound.size - neverRanBefore.length} started after restart (p99 ${percentile(dispatchMs, 99).toFixed(0)} ms from spawn), ${twice.length} started twice, ${failed.length} failed, ${strays.length} runs without a fire`,
      ok,
    );
    expect(twice).toEqual([]);
    expect(failed).toEqual([]);
    expect(neverRanBefore).toEqual([]);
    expect(strays).toEqual([]);
    expect(everQueued.size).toBeGreaterThan(0);
  });
});
