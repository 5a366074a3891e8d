import { describe, expect, it } from 'vitest';
import { RunStore } from '../../../node-library/store/run-store';
import { csvPipeline } from '../helpers';

describe('RunStore.renamePipeline', () => {
  it('moves the runs and the kept state of a pipeline to its new id, and nothing of other pipelines', () => {
    const store = RunStore.open(':memory:');
    const pipeline = { ...csvPipeline('in.csv', 'out.csv'), id: 'orders' };
    store.beginRun({ runId: 'r1', pipeline, params: {}, trigger: 'manual', startedAt: 1 });
    store.beginRun({ runId: 'r2', pipeline: { ...pipeline, id: 'other' }, params: {}, trigger: 'manual', startedAt: 2 });
    store.setState('orders', 'cursor', 41);
    store.setState('big-orders', 'cursor', 'stale state of a deleted pipeline');

    store.renamePipeline('orders', 'big-orders');
    expect(store.listRuns({ pipelineId: 'big-orders' }).map((r) => r.runId)).toEqual(['r1']);
    expect(store.listRuns({ pipelineId: 'orders' })).toEqual([]);
    expect(store.listRuns({ pipelineId: 'other' }).map((r) => r.runId)).toEqual(['r2']);
    expect(store.getState('big-orders', 'cursor')).toBe(41);
    expect(store.getState('orders', 'cursor')).toBeUndefined();
    store.close();
  });
});
