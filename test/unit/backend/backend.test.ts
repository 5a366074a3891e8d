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

  it('loadPipeline opens a file with graph problems, refuses one that breaks the schema, and startRun refuses both', async () => {
    const { dir, backend } = await backendOnExamples();
    const file = path.join(dir, 'big-orders.pipeline.json');
    const raw = JSON.parse(await readFile(file, 'utf8'));
    raw.nodes[1].type = 'transform.nope';
    await writeFile(file, JSON.stringify(raw));
    expect((await backend.loadPipeline('big-orders')).nodes[1].type).toBe('transform.nope');
    await expect(backend.startRun({ pipelineId: 'big-orders' })).rejects.toMatchObject({ code: 'E_PIPELINE_004', message: expect.stringContaining('node filter_big has unknown type transform.nope') });

    raw.nodes[1].id = 'not an id';
    await writeFile(file, JSON.stringify(raw));
    await expect(backend.loadPipeline('big-orders')).rejects.toMatchObject({ message: expect.stringContaining('nodes.1.id') });
  });

  it('savePipeline writes the file it loads, and refuses a mismatched id', async () => {
    const { dir, backend } = await backendOnExamples();
    const pipeline = await backend.loadPipeline('big-orders');
    pipeline.name = 'Renamed';
    await backend.savePipeline('big-orders', pipeline);
    expect(JSON.parse(await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8')).name).toBe('Renamed');
    await expect(backend.savePipeline('other', pipeline)).rejects.toMatchObject({ code: 'E_API_001' });
  });

  it('createPipeline writes an empty pipeline whose id comes from the name, unique in the folder', async () => {
    const { dir, backend } = await backendOnExamples();
    const created = await backend.createPipeline('  Big orders!  ');
    expect(created).toEqual({ format: 'pipewright/pipeline@1', id: 'big-orders-2', name: 'Big orders!', description: '', params: {}, nodes: [], edges: [], layout: {} });
    expect(await backend.loadPipeline('big-orders-2')).toEqual(created);
    expect(JSON.parse(await readFile(path.join(dir, 'big-orders-2.pipeline.json'), 'utf8')).id).toBe('big-orders-2');
    expect((await backend.createPipeline('Été 2024')).id).toBe('ete-2024');
    expect((await backend.createPipeline('2024 report')).id).toBe('pipeline-2024-report');
    expect((await backend.createPipeline('!!!')).id).toBe('pipeline');
    expect((await backend.listPipelines()).map((p) => p.id).sort()).toEqual(['big-orders', 'big-orders-2', 'clean-orders', 'covid-monthly', 'customer-tiers', 'ete-2024', 'pipeline', 'pipeline-2024-report', 'sales-report']);
    await expect(dispatch(backend, 'createPipeline', ['   '])).rejects.toMatchObject({ code: 'E_API_001' });
  });

  it('deletePipeline removes the file, and names an unknown id', async () => {
    const { dir, backend } = await backendOnExamples();
    await backend.deletePipeline('big-orders');
    expect((await backend.listPipelines()).map((p) => p.id)).not.toContain('big-orders');
    await expect(readFile(path.join(dir, 'big-orders.pipeline.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(backend.deletePipeline('big-orders')).rejects.toMatchObject({ code: 'E_PIPELINE_005' });
  });

  it('validatePipeline answers every schema and graph problem, naming node and field', async () => {
    const { backend } = await backendOnExamples();
    const pipeline = await backend.loadPipeline('big-orders');
    expect(await backend.validatePipeline(pipeline)).toEqual([]);
    pipeline.nodes[1].params = {};
    pipeline.edges.pop();
    expect(await backend.validatePipeline(pipeline)).toEqual([
      expect.objectContaining({ code: 'E_PIPELINE_004', path: 'nodes.1.params.condition', nodeId: 'filter_big' }),
      expect.objectContaining({ code: 'E_PIPELINE_004', nodeId: 'write_big', message: 'node write_big: input in is not connected' }),
    ]);
    const badLabel = { ...pipeline, nodes: [{ ...pipeline.nodes[0], label: 'x'.repeat(300) }] };
    expect(await dispatch(backend, 'validatePipeline', [badLabel])).toEqual([expect.objectContaining({ code: 'E_PIPELINE_002', path: 'nodes.0.label', nodeId: 'read_orders' })]);
  });

  it('listNodeTypes describes each built-in with ports and params', async () => {
    const { backend } = await backendOnExamples();
    const filter = (await backend.listNodeTypes()).find((t) => t.type === 'transform.filter');
    expect(filter).toMatchObject({ title: 'Filter rows', inputs: [{ id: 'in', type: 'table' }], outputs: [{ id: 'out', type: 'table' }] });
    expect(filter?.params).toEqual([expect.objectContaining({ name: 'condition', kind: 'sql', required: true }), expect.objectContaining({ name: 'values', kind: 'json', required: false })]);
  });

  it('exportPipeline writes the script folder, relative to the pipelines folder, and refuses a non-empty one', async () => {
    const { dir, backend } = await backendOnExamples();
    const summary = await backend.exportPipeline({ pipelineId: 'big-orders', outDir: 'exports/big-orders', includeData: true });
    expect(summary).toEqual({ dir: path.join(dir, 'exports/big-orders'), files: ['.gitignore', 'README.md', 'data/orders.csv', 'package.json', 'pipeline.mjs'], packages: ['@duckdb/node-api', 'better-sqlite3'] });
    expect(await readFile(path.join(summary.dir, 'data/orders.csv'), 'utf8')).toBe(await readFile(path.join(dir, 'data/orders.csv'), 'utf8'));
    await expect(backend.exportPipeline({ pipelineId: 'big-orders', outDir: 'exports/big-orders' })).rejects.toMatchObject({ code: 'E_EXPORT_001', message: expect.stringContaining('is not empty') });
    await expect(backend.exportPipeline({ pipelineId: 'nope', outDir: 'x' })).rejects.toMatchObject({ code: 'E_PIPELINE_005' });
    await expect(dispatch(backend, 'exportPipeline', [{ pipelineId: 'big-orders', outDir: ' ' }])).rejects.toMatchObject({ code: 'E_API_001', message: expect.stringContaining('choose a folder') });
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
    expect(await dispatch(backend, 'listPipelines', [])).toContainEqual(expect.objectContaining({ id: 'big-orders' }));
    await expect(dispatch(backend, 'deletePipeline', ['../etc'])).rejects.toMatchObject({ code: 'E_API_001' });
  });
});
