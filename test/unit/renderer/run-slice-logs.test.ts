import { describe, expect, it } from 'vitest';
import type { PipelineFile, RunEvent } from '../../../node-library/contract';
import { useAppStore } from '../../../renderer/store/app-store';

const pipeline = { format: 'pipewright/pipeline@1', id: 'p', name: 'P', description: '', params: {}, nodes: [], edges: [], layout: {} } as PipelineFile;
const log = (i: number): RunEvent => ({ type: 'node:log', runId: 'r1', at: i, nodeId: 'a', level: 'info', message: `line ${i}` });

describe('run slice: log lines', () => {
  it('keeps every line of a long log, in order, without a copy per line', () => {
    const store = useAppStore;
    store.getState().setOpenPipeline(pipeline);
    const { applyRunEvent } = store.getState();
    applyRunEvent({ type: 'run:start', runId: 'r1', at: 0, pipelineId: 'p', nodeIds: ['a'], params: {}, trigger: 'manual' });
    for (let i = 0; i < 50_000; i++) applyRunEvent(log(i));
    applyRunEvent({ type: 'node:state', runId: 'r1', at: 1, nodeId: 'a', state: 'succeeded' });
    store.getState().flushRunEvents();
    const lines = store.getState().logs.a;
    expect(lines).toHaveLength(50_000);
    expect(lines[0].message).toBe('line 0');
    expect(lines[49_999].message).toBe('line 49999');
    expect(store.getState().nodeStates.a).toBe('succeeded');
  });

  it('applies queued events on their own after a few ms, and drops lines of a run no longer in view', async () => {
    const store = useAppStore;
    store.getState().setOpenPipeline(pipeline);
    const { applyRunEvent } = store.getState();
    applyRunEvent({ type: 'run:start', runId: 'r1', at: 0, pipelineId: 'p', nodeIds: ['a'], params: {}, trigger: 'manual' });
    applyRunEvent(log(1));
    applyRunEvent({ ...log(2), runId: 'other' });
    expect(store.getState().logs.a).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.getState().logs.a?.map((l) => l.message)).toEqual(['line 1']);
  });
});
