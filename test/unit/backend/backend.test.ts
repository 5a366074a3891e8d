import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../node-library/contract';
import { createBackend } from '../../../node-library/backend/create-backend';
import { dispatch } from '../../../node-library/backend/dispatch';
import { copyExamples, tempDir } from '../helpers';

async function backendOnExamples() {
  const dir = await copyExamples();
  return { dir, backend: createBackend({ pipelinesDir: dir, dataDir: await tempDir() }) };
}

describe('backend API handlers', () => {
  it('listPipelines lists every pipeline file in the folder', async () => {
    const { backend } = await backendOnExamples();
    expect(await backend.listPipelines()).toContainEqual({ id: 'big-orders', name: 'Big orders', description: expect.any(String), nodeCount: 3 });
  });

  it('loadPipeline returns the checked file, and names an unknown id', async () => {
    const { backend } = await backendOnExamples();
    expect((await backend.loadPipeline('big-orders')).nodes).toHaveLength(3);
    await expect(backend.loadPipeline('nope')).rejects.toMatchObject({ code: 'E_PIPELINE_005' });
  });

  it('loadPipeline refuses an invalid file with every problem listed', async () => {
    const { dir, backend } = await backendOnExamples();
    const file = path.join(dir, 'big-orders.pipeline.json');
    const raw = JSON.parse(await readFile(file, 'utf8'));
    raw.nodes[1].type = 'transform.nope';
    await writeFile(file, JSON.stringify(raw));
    await expect(backend.loadPipeline('big-orders')).rejects.toMatchObject({ code: 'E_PIPELINE_004', message: expect.stringContaining('node filter_big has unknown type transform.nope') });
  });

  it('savePipeline writes the file it loads, and refuses a mismatched id', async () => {
    const { dir, backend } = await backendOnExamples();
    const pipeline = await backend.loadPipeline('big-orders');
    pipeline.name = 'Renamed';
    await backend.savePipeline('big-orders', pipeline);
    expect(JSON.parse(await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8')).name).toBe('Renamed');
    await expect(backend.savePipeline('other', pipeline)).rejects.toMatchObject({ code: 'E_API_001' });
  });

  it('listNodeTypes describes each built-in with ports and params', async () => {
    const { backend } = await backendOnExamples();
    const filter = (await backend.listNodeTypes()).find((t) => t.type === 'transform.filter');
    expect(filter).toMatchObject({ title: 'Filter rows', inputs: [{ id: 'in', type: 'table' }], outputs: [{ id: 'out', type: 'table' }] });
    expect(filter?.params).toEqual([expect.objectContaining({ name: 'condition', kind: 'sql', required: true })]);
  });

  it('startRun runs the pipeline and streams its events; cancelRun names an unknown run', async () => {
    const { dir, backend } = await backendOnExamples();
    const events: RunEvent[] = [];
    backend.onRunEvent((e) => events.push(e));
    const { runId } = await backend.startRun({ pipelineId: 'big-orders' });
    await backend.whenFinished(runId);
    expect(events.at(-1)).toMatchObject({ type: 'run:finish', runId, state: 'succeeded' });
    expect((await readFile(path.join(dir, 'out/big-orders.csv'), 'utf8')).split('\n')).toHaveLength(7);
    await expect(backend.cancelRun(runId)).rejects.toMatchObject({ code: 'E_RUN_001' });
  });

  it('dispatch validates method names and arguments against the contract', async () => {
    const { backend } = await backendOnExamples();
    await expect(dispatch(backend, 'deleteEverything', [])).rejects.toMatchObject({ code: 'E_API_002' });
    await expect(dispatch(backend, 'loadPipeline', [42])).rejects.toMatchObject({ code: 'E_API_001', message: expect.stringContaining('loadPipeline') });
    await expect(dispatch(backend, 'startRun', [{ pipelineId: 'big-orders', extra: 1 }])).rejects.toMatchObject({ code: 'E_API_001' });
    expect(await dispatch(backend, 'listPipelines', [])).toHaveLength(1);
  });
});
