import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../node-library/backend/create-backend';
import { serializePipeline } from '../../node-library/model/save';
import { copyExamples, tempDir } from '../unit/helpers';
import { recordFigure } from './figures';

describe('a node type this version does not know', () => {
  it('opens as a placeholder, refuses to run naming the type, and saves without losing anything of it', async () => {
    const dir = await copyExamples();
    const file = path.join(dir, 'big-orders.pipeline.json');
    const original = JSON.parse(await readFile(file, 'utf8'));
    original.nodes.push({ id: 'future', type: 'vendor.teleport', version: 3, params: { target: 'mars', nested: { keep: [1, 2, { all: true }] } }, code: ['keep me'] });
    original.edges.push({ id: 'to-future', from: { node: original.nodes[0].id, port: 'out' }, to: { node: 'future', port: 'in' } });
    await writeFile(file, `${JSON.stringify(original, null, 2)}\n`);
    const before = await readFile(file, 'utf8');

    const backend = createBackend({ pipelinesDir: dir, dataDir: await tempDir() });
    const opened = await backend.loadPipeline('big-orders');
    expect(opened.nodes.find((n) => n.id === 'future')).toMatchObject({ type: 'vendor.teleport', params: { target: 'mars' } });
    await expect(backend.startRun({ pipelineId: 'big-orders' })).rejects.toThrow(/vendor\.teleport/);
    await backend.savePipeline('big-orders', opened);
    const after = await readFile(file, 'utf8');
    const same = JSON.stringify(JSON.parse(after)) === JSON.stringify(JSON.parse(serializePipeline(JSON.parse(before))));
    recordFigure('unknown node type', `opens; run refused naming vendor.teleport; saved file ${same ? 'keeps every field' : 'LOST data'}`, same);
    expect(JSON.parse(after)).toEqual(JSON.parse(serializePipeline(JSON.parse(before))));
    expect(JSON.parse(after).nodes.find((n: { id: string }) => n.id === 'future')).toEqual({ id: 'future', type: 'vendor.teleport', version: 3, params: { nested: { keep: [1, 2, { all: true }] }, target: 'mars' }, code: ['keep me'] });
  });
});
