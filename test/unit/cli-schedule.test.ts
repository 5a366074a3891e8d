import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RunStore } from '../../node-library/store/run-store';
import { copyExamples, repoRoot } from './helpers';

const cli = path.join(repoRoot, 'dist/node/cli.js');

function scheduler(dir: string, db: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [cli, 'schedule', '--pipelines', dir, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('pipewright schedule', () => {
  it('fires the folder schedules headless; of two on one database, only the lease holder fires', { timeout: 60_000 }, async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
    const dir = await copyExamples();
    const file = path.join(dir, 'big-orders.pipeline.json');
    await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), schedule: { cron: '* * * * * *', timezone: 'UTC' } }));
    const db = path.join(dir, 'history.sqlite');
    const first = scheduler(dir, db);
    await vi.waitFor(() => expect(first.output()).toContain('Scheduling the pipelines'), { timeout: 15_000 });
    const second = scheduler(dir, db);
    await vi.waitFor(() => expect(second.output()).toContain('Scheduling the pipelines'), { timeout: 15_000 });
    const succeeded = (text: string) => text.split('\n').filter((line) => line.endsWith('run succeeded')).length;
    // Both are up; the first keeps firing, three more runs at least.
    const before = succeeded(first.output());
    await vi.waitFor(() => expect(succeeded(first.output())).toBeGreaterThanOrEqual(before + 3), { timeout: 30_000, interval: 200 });
    first.child.kill('SIGTERM');
    second.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(await second.exited).toBe(0);
    expect(succeeded(second.output())).toBe(0);

    const store = RunStore.open(db);
    const runs = store.listRuns({ trigger: 'schedule' });
    store.close();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((r) => r.pipelineId === 'big-orders')).toBe(true);
  });
});
