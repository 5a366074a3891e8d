import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../node-library/contract';
import { eventBatches } from '../../../node-library/backend/event-batches';

const log = (i: number): RunEvent => ({ type: 'node:log', runId: 'r1', at: i, nodeId: 'a', level: 'info', message: `line ${i}` }) as RunEvent;

describe('eventBatches', () => {
  it('hands on events together after a short wait, in order', async () => {
    const batches: RunEvent[][] = [];
    const batcher = eventBatches((b) => batches.push(b), 10);
    for (let i = 0; i < 5; i++) batcher.push(log(i));
    expect(batches).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches).toHaveLength(1);
    expect(batches[0].map((e) => e.at)).toEqual([0, 1, 2, 3, 4]);
  });

  it('never holds more than its cap, and keeps order across batches', async () => {
    const batches: RunEvent[][] = [];
    const batcher = eventBatches((b) => batches.push(b), 10, 100);
    for (let i = 0; i < 250; i++) batcher.push(log(i));
    expect(batches.map((b) => b.length)).toEqual([100, 100]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat().map((e) => e.at)).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('flushes on demand (before a reply), and an empty flush sends nothing', async () => {
    const batches: RunEvent[][] = [];
    const batcher = eventBatches((b) => batches.push(b), 10);
    batcher.flush();
    batcher.push(log(1));
    batcher.flush();
    expect(batches).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(batches).toHaveLength(1); // the cancelled timer sent nothing more
  });
});
