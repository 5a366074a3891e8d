import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../../node-library/contract';
import { localHost } from '../../../../node-library/engine/host';
import { runPipeline } from '../../../../node-library/engine/run-pipeline';
import { createRegistry } from '../../../../node-library/nodes/registry';
import { eventRecorder, tempDir } from '../../helpers';

/** source -> condition -> (true: filter, false) -> merge (all_done) -> CSV; the filter's condition decides whether that branch fails. */
function routed(keepCondition: string): PipelineFile {
  const node = (id: string, type: string, params: Record<string, unknown>, extra = {}) => ({ id, type, version: 1, params, ...extra });
  const edge = (id: string, from: string, fromPort: string, to: string, toPort: string) => ({ id, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });
  return {
    format: 'pipewright/pipeline@1',
    id: 'routed',
    name: 'Routed',
    description: '',
    params: {},
    nodes: [
      node('orders', 'transform.sql', { query: 'SELECT * FROM (VALUES (1, 250), (2, 99), (3, 1200)) t(id, amount)' }),
      node('route', 'control.condition', { condition: 'amount >= 200' }),
      node('big_only', 'transform.filter', { condition: keepCondition }),
      node('merge', 'control.merge', {}, { trigger: 'all_done' }),
      node('write', 'sink.write_csv', { path: 'out.csv' }),
    ],
    edges: [
      edge('e1', 'orders', 'out', 'route', 'in'),
      edge('e2', 'route', 'true', 'big_only', 'in'),
      edge('e3', 'big_only', 'out', 'merge', 'in1'),
      edge('e4', 'route', 'false', 'merge', 'in2'),
      edge('e5', 'merge', 'out', 'write', 'in'),
    ],
    layout: {},
  };
}

async function run(pipeline: PipelineFile) {
  const dir = await tempDir();
  const recorder = eventRecorder();
  const state = await runPipeline(pipeline, { runId: 'r', registry: createRegistry(), host: localHost(dir), onEvent: recorder.onEvent, concurrency: 1 });
  const last = (id: string) => recorder.statesOf(id).at(-1);
  const csv = await readFile(path.join(dir, 'out.csv'), 'utf8').catch(() => undefined);
  return { state, last, csv };
}

describe('control.condition and control.merge in a run', () => {
  it('routes rows and merges both branches back', async () => {
    const { state, csv } = await run(routed('amount < 1000'));
    expect(state).toBe('succeeded');
    expect(csv?.split('\n').slice(1).sort()).toEqual(['', '1,250', '2,99']);
  });

  it('with trigger all_done, merges the branches that arrived when another failed', async () => {
    const { state, last, csv } = await run(routed('no_such_column > 1'));
    expect(state).toBe('failed');
    expect([last('big_only'), last('merge'), last('write')]).toEqual(['failed', 'succeeded', 'succeeded']);
    expect(csv).toBe('id,amount\n2,99\n');
  });
});
