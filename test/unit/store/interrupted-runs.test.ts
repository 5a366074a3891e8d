import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../node-library/store/run-store';
import { repoRoot } from '../helpers';
import { begin, ev, storeFile } from './fixtures';

const interrupted = { code: 'E_RUN_002', message: 'the process stopped before the run finished' };

describe('RunStore interrupted runs', () => {
  it('marks a run its store closed without run:finish as interrupted on the next open', async () => {
    const file = await storeFile();
    const store = RunStore.open(file);
    begin(store, 'r1');
    begin(store, 'done', { startedAt: 500 });
    store.append(ev.finish('done'));
    store.append(ev.start('r1'));
    store.append(ev.state('r1', 'read', 'running', 1_010, { attempt: 1 }));
    // Another store in the same process sees a run that is still live, not a dead one.
    const meanwhile = RunStore.open(file);
    expect(meanwhile.interruptedAtOpen).toEqual([]);
    meanwhile.close();
    store.close();

    const before = Date.now();
    const reopened = RunStore.open(file);
    expect(reopened.interruptedAtOpen).toEqual(['r1']);
    const { run, nodeRuns } = reopened.getRun('r1')!;
    expect(run).toMatchObject({ state: 'interrupted', error: interrupted });
    expect(run.finishedAt).toBeGreaterThanOrEqual(before);
    expect(nodeRuns).toEqual([{ runId: 'r1', nodeId: 'read', attempt: 1, state: 'cancelled', startedAt: 1_010, finishedAt: run.finishedAt, cached: false, error: interrupted }]);
    // Its history replays to an end like any other run's.
    expect(reopened.runEvents('r1').at(-1)).toEqual({ type: 'run:finish', runId: 'r1', at: run.finishedAt, state: 'interrupted', error: interrupted });
    expect(reopened.getRun('done')!.run.state).toBe('succeeded');
    reopened.close();
    expect(RunStore.open(file).interruptedAtOpen).toEqual([]);
  });

  it('detects a run whose process was killed with SIGKILL mid-run, and leaves it alone while that process lives', async () => {
    const file = await storeFile();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crash-child.ts'), file, 'crashed'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    const [ready] = (await once(child.stdout!, 'data')) as [Buffer];
    expect(ready.toString()).toBe('ready\n');

    const whileAlive = RunStore.open(file);
    expect(whileAlive.interruptedAtOpen).toEqual([]);
    expect(whileAlive.getRun('crashed')!.run.state).toBe('running');
    whileAlive.close();

    child.kill('SIGKILL');
    expect(await exited).toEqual([null, 'SIGKILL']);

    const after = RunStore.open(file);
    expect(after.interruptedAtOpen).toEqual(['crashed']);
    const { run, nodeRuns } = after.getRun('crashed')!;
    expect(run).toMatchObject({ state: 'interrupted', trigger: 'cli', error: interrupted });
    expect(nodeRuns.map((r) => [r.nodeId, r.state])).toEqual([
      ['read', 'succeeded'],
      ['filter', 'cancelled'],
    ]);
    const events = after.runEvents('crashed');
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(['node:state', 'node:state', 'node:state']);
    expect(events.at(-1)).toMatchObject({ type: 'run:finish', state: 'interrupted' });
    expect(after.logs('crashed', 'filter')[0].message).toBe('working');
    after.close();
  });
});
