import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../node-library/backend/create-backend';
import { dispatch } from '../../../node-library/backend/dispatch';
import { draftFolder } from '../../../node-library/backend/draft-store';
import { serializePipeline, writeNewFileAtomic } from '../../../node-library/model/save';
import { copyExamples, tempDir } from '../helpers';

async function backendOnExamples() {
  const dir = await copyExamples();
  const dataDir = await tempDir();
  return { dir, dataDir, backend: createBackend({ pipelinesDir: dir, dataDir }) };
}

const pipelineFiles = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.pipeline.json')).sort();

describe('Save As, Rename, Duplicate', () => {
  it('writeNewFileAtomic writes a new file whole and refuses to replace one', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'p.pipeline.json');
    await writeNewFileAtomic(file, 'first');
    await expect(writeNewFileAtomic(file, 'second')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(file, 'utf8')).toBe('first');
    expect(await readdir(dir)).toEqual(['p.pipeline.json']);
  });

  it('savePipelineAs writes the given (unsaved) pipeline under a fresh id and leaves the original alone', async () => {
    const { dir, backend } = await backendOnExamples();
    const original = await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8');
    const edited = await backend.loadPipeline('big-orders');
    edited.nodes[1].params.condition = 'amount > 500';
    const copy = await backend.savePipelineAs(edited, '  Huge orders ');
    expect(copy).toMatchObject({ id: 'huge-orders', name: 'Huge orders' });
    expect(await backend.loadPipeline('huge-orders')).toEqual(copy);
    expect(copy.nodes[1].params.condition).toBe('amount > 500');
    expect(await readFile(path.join(dir, 'huge-orders.pipeline.json'), 'utf8')).toBe(serializePipeline(copy));
    expect(await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8')).toBe(original);
    // The same name again never overwrites: the id gets a suffix.
    expect((await backend.savePipelineAs(edited, 'Huge orders')).id).toBe('huge-orders-2');
    expect((await backend.savePipelineAs(edited, 'Big orders')).id).toBe('big-orders-2');
    await expect(dispatch(backend, 'savePipelineAs', [edited, ' '])).rejects.toMatchObject({ code: 'E_API_001' });
  });

  it('renamePipeline moves the file to the id of the new name, with its draft, recent entry and run history', async () => {
    const { dir, backend } = await backendOnExamples();
    const before = await pipelineFiles(dir);
    const { runId } = await backend.startRun({ pipelineId: 'big-orders' });
    await backend.whenFinished(runId);
    const pipeline = await backend.loadPipeline('big-orders');
    await backend.saveDraft({ ...pipeline, description: 'half-typed' });
    await backend.addRecentPipeline('big-orders');

    const renamed = await backend.renamePipeline('big-orders', 'Large orders');
    expect(renamed).toEqual({ ...pipeline, id: 'large-orders', name: 'Large orders' });
    expect(await pipelineFiles(dir)).toEqual([...before.filter((f) => f !== 'big-orders.pipeline.json'), 'large-orders.pipeline.json'].sort());
    expect(await backend.loadPipeline('large-orders')).toEqual(renamed);
    expect(await backend.loadDraft('large-orders')).toMatchObject({ pipeline: { id: 'large-orders', name: 'Large orders', description: 'half-typed' } });
    expect(await backend.listRecentPipelines()).toEqual(['large-orders']);
    expect((await backend.listRuns({ pipelineId: 'large-orders' })).map((r) => r.runId)).toEqual([runId]);
    expect(await backend.listRuns({ pipelineId: 'big-orders' })).toEqual([]);
    await expect(backend.loadPipeline('big-orders')).rejects.toMatchObject({ code: 'E_PIPELINE_005' });
  });

  it('renamePipeline refuses a name whose id another pipeline has, and changes nothing', async () => {
    const { dir, backend } = await backendOnExamples();
    const before = await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8');
    await expect(backend.renamePipeline('big-orders', 'Clean orders')).rejects.toMatchObject({
      code: 'E_PIPELINE_007',
      message: 'a pipeline with id clean-orders already exists (clean-orders.pipeline.json); choose another name',
    });
    expect(await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8')).toBe(before);
    expect((await backend.loadPipeline('clean-orders')).name).toBe('Clean orders');
    await expect(backend.renamePipeline('nope', 'Whatever')).rejects.toMatchObject({ code: 'E_PIPELINE_005' });
  });

  it('renamePipeline to a name with the same id only changes the name, in place', async () => {
    const { dir, backend } = await backendOnExamples();
    const before = await pipelineFiles(dir);
    const renamed = await backend.renamePipeline('big-orders', 'BIG Orders');
    expect(renamed).toMatchObject({ id: 'big-orders', name: 'BIG Orders' });
    expect(JSON.parse(await readFile(path.join(dir, 'big-orders.pipeline.json'), 'utf8')).name).toBe('BIG Orders');
    expect(await pipelineFiles(dir)).toEqual(before);
  });

  it('duplicatePipeline copies the file as <id>-copy, then <id>-copy-2', async () => {
    const { dir, backend } = await backendOnExamples();
    const pipeline = await backend.loadPipeline('big-orders');
    const first = await backend.duplicatePipeline('big-orders');
    const second = await backend.duplicatePipeline('big-orders');
    expect(first).toEqual({ ...pipeline, id: 'big-orders-copy', name: 'Big orders (copy)' });
    expect(second).toMatchObject({ id: 'big-orders-copy-2', name: 'Big orders (copy)' });
    expect(await readFile(path.join(dir, 'big-orders-copy.pipeline.json'), 'utf8')).toBe(serializePipeline(first));
    expect((await backend.duplicatePipeline('big-orders-copy')).id).toBe('big-orders-copy-copy');
  });
});

describe('drafts', () => {
  it('keeps unsaved changes atomically in <dataDir>/drafts/<folder> and offers them while newer than the file', async () => {
    const { dir, dataDir, backend } = await backendOnExamples();
    const pipeline = await backend.loadPipeline('big-orders');
    expect(await backend.loadDraft('big-orders')).toBeNull();
    const edited = { ...pipeline, description: 'edited, not saved' };
    await backend.saveDraft(edited);
    expect(draftFolder(dataDir, dir)).toMatch(new RegExp(`drafts/${path.basename(dir)}-[0-9a-f]{10}$`));
    expect(await readdir(draftFolder(dataDir, dir))).toEqual(['big-orders.json']);
    const draft = await backend.loadDraft('big-orders');
    expect(draft).toEqual({ pipeline: edited, savedAt: expect.any(Number) });
    expect(Math.abs(draft!.savedAt - Date.now())).toBeLessThan(10_000);
    // Another folder with a pipeline of the same id, same data folder: its own drafts only.
    const other = createBackend({ pipelinesDir: await copyExamples(), dataDir });
    expect(await other.loadDraft('big-orders')).toBeNull();
    await other.close();
  });

  it('is gone once the pipeline is saved, and is not offered when it matches the file or is older', async () => {
    const { dir, dataDir, backend } = await backendOnExamples();
    const pipeline = await backend.loadPipeline('big-orders');
    const edited = { ...pipeline, description: 'edited' };
    await backend.saveDraft(edited);
    await backend.savePipeline('big-orders', edited);
    expect(await readdir(draftFolder(dataDir, dir))).toEqual([]);

    await backend.saveDraft(edited); // a late autosave of what was just saved
    expect(await backend.loadDraft('big-orders')).toBeNull();

    await backend.saveDraft({ ...edited, description: 'older than the file' });
    const past = new Date(Date.now() - 60_000);
    await utimes(path.join(draftFolder(dataDir, dir), 'big-orders.json'), past, past);
    expect(await backend.loadDraft('big-orders')).toBeNull();
    await writeFile(path.join(dir, 'big-orders.pipeline.json'), JSON.stringify(edited)); // hand-formatted, same content
    await backend.saveDraft(edited);
    expect(await backend.loadDraft('big-orders')).toBeNull();
  });

  it('discardDraft and deletePipeline remove the draft; a draft needs an existing pipeline', async () => {
    const { dir, dataDir, backend } = await backendOnExamples();
    const pipeline = await backend.loadPipeline('big-orders');
    await backend.saveDraft({ ...pipeline, description: 'x' });
    await backend.discardDraft('big-orders');
    expect(await backend.loadDraft('big-orders')).toBeNull();
    await backend.discardDraft('big-orders'); // nothing to discard is fine
    await backend.saveDraft({ ...pipeline, description: 'x' });
    await backend.deletePipeline('big-orders');
    expect(await readdir(draftFolder(dataDir, dir))).toEqual([]);
    await expect(backend.saveDraft({ ...pipeline, id: 'nope' })).rejects.toMatchObject({ code: 'E_PIPELINE_005' });
    await expect(dispatch(backend, 'saveDraft', [{ ...pipeline, nodes: 'x' }])).rejects.toMatchObject({ code: 'E_API_001' });
  });
});

describe('recent pipelines', () => {
  it('lists the last opened, newest first, at most 10, kept across backends and per folder', async () => {
    const { dir, dataDir, backend } = await backendOnExamples();
    for (let n = 0; n < 11; n++) await backend.createPipeline(`P ${n}`);
    for (let n = 0; n < 11; n++) await backend.addRecentPipeline(`p-${n}`);
    expect(await backend.addRecentPipeline('p-3')).toEqual(['p-3', 'p-10', 'p-9', 'p-8', 'p-7', 'p-6', 'p-5', 'p-4', 'p-2', 'p-1']);
    await backend.deletePipeline('p-9');
    const again = createBackend({ pipelinesDir: dir, dataDir });
    expect(await again.listRecentPipelines()).toEqual(['p-3', 'p-10', 'p-8', 'p-7', 'p-6', 'p-5', 'p-4', 'p-2', 'p-1']);
    const otherFolder = createBackend({ pipelinesDir: await copyExamples(), dataDir });
    expect(await otherFolder.listRecentPipelines()).toEqual([]);
    await expect(backend.addRecentPipeline('nope')).rejects.toMatchObject({ code: 'E_PIPELINE_005' });
    await Promise.all([again.close(), otherFolder.close(), backend.close()]);
  });

  it('treats a damaged recent file as empty', async () => {
    const { dataDir, backend } = await backendOnExamples();
    await writeFile(path.join(dataDir, 'recent-pipelines.json'), '{ not json');
    expect(await backend.listRecentPipelines()).toEqual([]);
    expect(await backend.addRecentPipeline('big-orders')).toEqual(['big-orders']);
  });
});
