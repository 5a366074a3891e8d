import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localHost } from '../../../node-library/engine/host';
import { runPipeline } from '../../../node-library/engine/run-pipeline';
import { defineNode, type NodeDefinition } from '../../../node-library/nodes/define-node';
import { builtinNodes } from '../../../node-library/nodes/index';
import { createRegistry } from '../../../node-library/nodes/registry';
import { csvPipeline, eventRecorder, ordersCsv, tempDir, writeTempFile } from '../helpers';

const registry = createRegistry();

describe('running a pipeline', () => {
  it('runs read -> filter -> write in dependency order on real files', async () => {
    const dir = await tempDir();
    await writeTempFile(dir, 'orders.csv', ordersCsv);
    const recorder = eventRecorder();
    const state = await runPipeline(csvPipeline('orders.csv', 'out/big.csv'), { runId: 'r1', registry, host: localHost(dir), onEvent: recorder.onEvent });

    expect(state).toBe('succeeded');
    expect(await readFile(path.join(dir, 'out/big.csv'), 'utf8')).toBe('id,customer,amount\n1,Ada,250.0\n3,Alan,1200.0\n');
    const running = recorder.events.filter((e) => e.type === 'node:state' && e.state === 'running').map((e) => (e as { nodeId: string }).nodeId);
    expect(running).toEqual(['read', 'filter', 'write']);
    for (const id of ['read', 'filter', 'write']) expect(recorder.statesOf(id)).toEqual(['running', 'succeeded']);
    expect(recorder.events[0]).toMatchObject({ type: 'run:start', pipelineId: 'test-pipeline', nodeIds: ['read', 'filter', 'write'] });
    expect(recorder.events.at(-1)).toMatchObject({ type: 'run:finish', state: 'succeeded' });
    const preview = recorder.events.find((e) => e.type === 'node:preview' && e.nodeId === 'filter');
    expect(preview).toMatchObject({ port: 'out', totalRows: 2, rows: [[1, 'Ada', 250], [3, 'Alan', 1200]] });
  });

  it('fails the broken node with its error, skips its downstream and says why', async () => {
    const dir = await tempDir();
    await writeTempFile(dir, 'orders.csv', ordersCsv);
    const recorder = eventRecorder();
    const state = await runPipeline(csvPipeline('orders.csv', 'out.csv', 'no_such_column > 1'), { runId: 'r2', registry, host: localHost(dir), onEvent: recorder.onEvent });

    expect(state).toBe('failed');
    expect(recorder.statesOf('filter')).toEqual(['running', 'failed']);
    const failed = recorder.events.find((e) => e.type === 'node:state' && e.state === 'failed');
    expect(failed).toMatchObject({ error: { code: 'E_NODE_001', message: expect.stringContaining('no_such_column') } });
    expect(recorder.events).toContainEqual(expect.objectContaining({ type: 'node:log', nodeId: 'filter', level: 'error' }));
    expect(recorder.events).toContainEqual(expect.objectContaining({ type: 'node:state', nodeId: 'write', state: 'skipped', reason: 'upstream node filter failed' }));
  });

  it('runs independent branches in parallel and cancels running and pending nodes', async () => {
    let started = 0;
    let release!: () => void;
    const bothStarted = new Promise<void>((resolve) => (release = resolve));
    const waitNode = defineNode({
      type: 'test.wait_for_abort',
      version: 1,
      title: 'Wait',
      category: 'Test',
      description: 'Blocks until the run is cancelled.',
      inputs: [],
      outputs: [{ id: 'out', type: 'json' }],
      params: {},
      run: ({ signal }) => {
        if (++started === 2) release();
        return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
      },
    });
    const testRegistry = createRegistry([...builtinNodes, waitNode as NodeDefinition]);
    const pipeline = csvPipeline('x.csv', 'y.csv');
    pipeline.nodes = [
      { id: 'a', type: 'test.wait_for_abort', version: 1, params: {} },
      { id: 'b', type: 'test.wait_for_abort', version: 1, params: {} },
      { id: 'c', type: 'test.wait_for_abort', version: 1, params: {} },
    ];
    pipeline.edges = [];
    const controller = new AbortController();
    const recorder = eventRecorder();
    const done = runPipeline(pipeline, { runId: 'r3', registry: testRegistry, host: localHost('.'), onEvent: recorder.onEvent, signal: controller.signal, concurrency: 2 });
    await bothStarted;
    controller.abort();

    expect(await done).toBe('cancelled');
    expect(recorder.statesOf('a')).toEqual(['running', 'cancelled']);
    expect(recorder.statesOf('b')).toEqual(['running', 'cancelled']);
    expect(recorder.statesOf('c')).toEqual(['queued', 'cancelled']);
  });
});
