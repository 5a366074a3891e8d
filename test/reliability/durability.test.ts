import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../node-library/store/run-store';
import { repoRoot, tempDir } from '../unit/helpers';
import { percentile, recordFigure, scale } from './figures';

const kills = scale(6, 200);
const child = path.join(repoRoot, 'test-results', 'durability-child.mjs');

beforeAll(async () => {
  await build({ entryPoints: [path.join(repoRoot, 'test/reliability/durability-child.ts')], outfile: child, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
});

/** Starts the child, waits for it to be running, kills it with SIGKILL after `afterMs`; resolves with what it printed. */
function runAndKill(dbFile: string, dataDir: string, afterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dbFile, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      if (!out.includes('ready') && (out + chunk).includes('ready')) setTimeout(() => proc.kill('SIGKILL'), afterMs);
      out += chunk;
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`child exited without the kill: ${err}`))));
  });
}

describe('durability under SIGKILL', () => {
  it(`loses no acknowledged run end and keeps the history consistent over ${kills} kills`, async () => {
    const dir = await tempDir();
    const dbFile = path.join(dir, 'history.sqlite');
    const acknowledged = new Map<string, string>();
    const reopenMs: number[] = [];
    let interrupted = 0;
    for (let i = 0; i < kills; i++) {
      const lines = await runAndKill(dbFile, dir, 5 + Math.floor(Math.random() * 296));
      for (const line of lines) {
        const [word, runId, state] = line.split(' ');
        if (word === 'finished') acknowledged.set(runId, state);
      }
      const start = performance.now();
      const store = RunStore.open(dbFile);
      reopenMs.push(performance.now() - start);
      interrupted += store.interruptedAtOpen.length;
      expect(store.listRuns({ state: 'running', limit: 10_000 })).toEqual([]);
      store.close();
    }

    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const store = RunStore.open(dbFile);
    let lost = 0;
    let inconsistent = 0;
    for (const [runId, state] of acknowledged) if (store.getRun(runId)?.run.state !== state) lost++;
    for (const run of store.listRuns({ limit: 100_000 })) {
      // All or nothing: a node whose success is stored has its output and its log line stored too.
      const events = store.runEvents(run.runId);
      const outputs = store.outputsOfRun(run.runId);
      const logged = new Set(store.logs(run.runId).map((l) => l.nodeId));
      for (const e of events) if (e.type === 'node:state' && e.state === 'succeeded' && (!outputs.has(e.nodeId) || !logged.has(e.nodeId))) inconsistent++;
      if (events.at(-1)?.type !== 'run:finish') inconsistent++;
    }
    store.close();
    recordFigure(
      `durability: SIGKILL at 5-300 ms, ${kills} times`,
      `${acknowledged.size} acknowledged run ends, ${lost} lost; ${inconsistent} half-stored nodes; integrity ok; ${interrupted} runs marked interrupted at reopen (p99 ${percentile(reopenMs, 99).toFixed(0)} ms, target < 5 s)`,
      lost === 0 && inconsistent === 0 && percentile(reopenMs, 99) < 5000,
    );
    expect(lost).toBe(0);
    expect(inconsistent).toBe(0);
    expect(interrupted).toBeGreaterThan(0);
  });
});
