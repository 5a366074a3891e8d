import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../node-library/contract';
import { retryDelay } from '../../../node-library/engine/attempts';
import { localHost } from '../../../node-library/engine/host';
import { runPipeline, type RunOptions } from '../../../node-library/engine/run-pipeline';
import { eventRecorder } from '../helpers';
import { graph, testRegistry } from './test-nodes';

function run(pipeline: ReturnType<typeof graph>, options: Partial<RunOptions> = {}) {
  const recorder = eventRecorder();
  const done = runPipeline(pipeline, { runId: 'r', registry: testRegistry, host: localHost('.'), onEvent: recorder.onEvent, ...options });
  return { ...recorder, done };
}
const stateEvents = (events: RunEvent[], nodeId: string) => events.filter((e): e is Extract<RunEvent, { type: 'node:state' }> => e.type === 'node:state' && e.nodeId === nodeId);

describe('retries', () => {
  it('retries a failing node and succeeds on attempt 3, recording each attempt', async () => {
    const { done, events, statesOf } = run(graph([{ id: 'f', type: 'test.flaky', params: { succeedOnAttempt: 3 }, retries: 5, retryDelayMs: 1 }]));
    expect(await done).toBe('succeeded');
    expect(statesOf('f')).toEqual(['running', 'retrying', 'running', 'retrying', 'running', 'succeeded']);
    expect(stateEvents(events, 'f').filter((e) => e.state === 'running').map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(stateEvents(events, 'f').find((e) => e.state === 'retrying')?.error?.message).toBe('flaky failure on attempt 1');
    expect(events).toContainEqual(expect.objectContaining({ type: 'node:log', level: 'warn', message: 'attempt 1 failed: flaky failure on attempt 1; retrying in 1 ms' }));
  });

  it('fails after the last attempt with the last error', async () => {
    const { done, events } = run(graph([{ id: 'f', type: 'test.flaky', params: { succeedOnAttempt: 9 }, retries: 1 }]));
    expect(await done).toBe('failed');
    expect(stateEvents(events, 'f').at(-1)).toMatchObject({ state: 'failed', error: { code: 'E_NODE_001', message: 'flaky failure on attempt 2' } });
  });

  it('backs off exponentially up to the max delay', () => {
    const node = { retryDelayMs: 100, retryBackoff: 2, retryMaxDelayMs: 500 };
    expect([2, 3, 4, 5, 6].map((n) => retryDelay(node, n))).toEqual([100, 200, 400, 500, 500]);
    expect(retryDelay({ retryDelayMs: 50 }, 4)).toBe(50);
  });
});

describe('timeouts', () => {
  it('fails a node past its timeout, saying which limit, even if it ignores its signal', async () => {
    const { done, events } = run(graph([{ id: 'slow', type: 'test.wait', params: { ms: 5_000, ignoreSignal: true }, timeoutMs: 50 }]));
    expect(await done).toBe('failed');
    expect(stateEvents(events, 'slow').at(-1)).toMatchObject({ state: 'failed', error: { code: 'E_NODE_002', message: 'node slow exceeded its timeout of 50 ms' } });
  });

  it('cancels the whole run past the run timeout', async () => {
    const pipeline = graph([{ id: 'a', type: 'test.wait', params: { ms: 5_000 } }, { id: 'b', type: 'test.wait', params: { ms: 1 } }], ['a->b'], { timeoutMs: 50 });
    const { done, events, statesOf } = run(pipeline);
    expect(await done).toBe('cancelled');
    expect(statesOf('a')).toEqual(['running', 'cancelled']);
    expect(statesOf('b')).toEqual(['cancelled']);
    expect(events.at(-1)).toMatchObject({ type: 'run:finish', state: 'cancelled', error: { code: 'E_RUN_003', message: 'the run exceeded its timeout of 50 ms and was cancelled' } });
  });
});

describe('cancellation', () => {
  it('stops running nodes and cancels pending ones mid-run', async () => {
    const controller = new AbortController();
    const pipeline = graph([{ id: 'fast', type: 'test.wait', params: { ms: 1 } }, { id: 'slow', type: 'test.wait', params: { ms: 10_000 } }, { id: 'after', type: 'test.collect' }], ['slow->after']);
    const { done, events, statesOf } = run(pipeline, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await done).toBe('cancelled');
    expect(statesOf('fast')).toEqual(['running', 'succeeded']);
    expect(statesOf('slow')).toEqual(['running', 'cancelled']);
    expect(statesOf('after')).toEqual(['cancelled']);
    expect(events.at(-1)).toMatchObject({ type: 'run:finish', state: 'cancelled' });
  });
});

describe('trigger rules', () => {
  it('runs a one_failed handler and an all_done clean-up when a node fails, skipping the rest with a reason', async () => {
    const pipeline = graph(
      [
        { id: 'load', type: 'test.flaky', params: { succeedOnAttempt: 2 } },
        { id: 'publish', type: 'test.collect' },
        { id: 'alert', type: 'test.collect', trigger: 'one_failed' },
        { id: 'cleanup', type: 'test.collect', trigger: 'all_done' },
      ],
      ['load->publish', 'load->alert', 'load->cleanup'],
    );
    const { done, events } = run(pipeline);
    expect(await done).toBe('failed');
    expect(stateEvents(events, 'publish').at(-1)).toMatchObject({ state: 'skipped', reason: 'upstream node load failed' });
    expect(stateEvents(events, 'alert').at(-1)?.state).toBe('succeeded');
    expect(stateEvents(events, 'cleanup').at(-1)?.state).toBe('succeeded');
  });

  it('skips a one_failed handler when nothing failed', async () => {
    const { done, events } = run(graph([{ id: 'ok', type: 'test.flaky' }, { id: 'alert', type: 'test.collect', trigger: 'one_failed' }], ['ok->alert']));
    expect(await done).toBe('succeeded');
    expect(stateEvents(events, 'alert').at(-1)).toMatchObject({ state: 'skipped', reason: 'no upstream node failed (trigger one_failed)' });
  });
});

describe('parallelism', () => {
  it('runs independent nodes at once up to the limit, queueing the rest', async () => {
    const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id, type: 'test.wait', params: { ms: 30 } }));
    const { done, events } = run(graph(nodes), { concurrency: 2 });
    expect(await done).toBe('succeeded');
    let running = 0;
    let peak = 0;
    for (const e of events) {
      if (e.type !== 'node:state') continue;
      if (e.state === 'running') peak = Math.max(peak, ++running);
      if (e.state === 'succeeded') running--;
    }
    expect(peak).toBe(2);
    expect(events.filter((e) => e.type === 'node:state' && e.state === 'queued')).toHaveLength(2);
  });
});

describe('mapping', () => {
  it('runs once per item, retries the failing item alone, and collects outputs in order', async () => {
    const pipeline = graph([{ id: 'items', type: 'test.list', params: { count: 5 } }, { id: 'double', type: 'test.flaky', mapOver: 'in', retries: 1, params: { failItem: 3 } }], ['items->double']);
    const outputs = new Map<string, Record<string, unknown>>();
    const { done, events } = run(pipeline, { onOutputs: (id, o) => outputs.set(id, o) });
    expect(await done).toBe('succeeded');
    expect(outputs.get('double')).toEqual({ out: [2, 4, 6, 8, 10] });
    const itemAttempts = events.flatMap((e) => (e.type === 'node:items' && e.nodeId === 'double' ? e.attempts : []));
    const ofItem = (item: number) => itemAttempts.filter((a) => a.item === item).map((a) => `${a.state}${a.attempt}`);
    expect(ofItem(3)).toEqual(['retrying1', 'succeeded2']);
    expect(itemAttempts.find((a) => a.item === 3)?.error?.message).toBe('flaky failure on attempt 1');
    expect([0, 1, 2, 4].map(ofItem)).toEqual([['succeeded1'], ['succeeded1'], ['succeeded1'], ['succeeded1']]);
    // The node as a whole still reports its own states; items report only through node:items.
    expect(stateEvents(events, 'double').map((e) => `${e.state}${e.item ?? ''}`)).toEqual(['running', 'succeeded']);
  });

  it('fails a node whose mapped input is not a list, saying what it got', async () => {
    const pipeline = graph([{ id: 'one', type: 'test.wait', params: { ms: 1 } }, { id: 'm', type: 'test.collect', mapOver: 'in' }], ['one->m']);
    const { done, events } = run(pipeline);
    expect(await done).toBe('failed');
    expect(stateEvents(events, 'm').at(-1)?.error).toMatchObject({ code: 'E_NODE_003', message: 'node m maps over input in, which received a number, not a list' });
  });
});

describe('parameters', () => {
  it('substitutes $param references and exposes run params to nodes', async () => {
    const pipeline = graph([{ id: 'items', type: 'test.list', params: { count: { $param: 'n' }, factor: 10 } }, { id: 'c', type: 'test.counter' }], [], {
      params: { n: { type: 'number', default: 2 } },
    });
    const outputs = new Map<string, Record<string, unknown>>();
    const { done } = run(pipeline, { params: { n: 3 }, onOutputs: (id, o) => outputs.set(id, o) });
    expect(await done).toBe('succeeded');
    expect(outputs.get('items')).toEqual({ out: [10, 20, 30] });
    expect(outputs.get('c')).toEqual({ out: { count: 1, runParams: { n: 3 } } });
  });
});
