import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localHost } from '../../../node-library/engine/host';
import { runPipeline } from '../../../node-library/engine/run-pipeline';
import { loadPipelineFile, pipelineOrThrow } from '../../../node-library/model/load';
import { resolveRunParams } from '../../../node-library/model/params';
import { createRegistry } from '../../../node-library/nodes/registry';
import { copyExamples, examplesDir } from '../helpers';
import { readBack } from './read-back';

const files = (await readdir(examplesDir)).filter((name) => name.endsWith('.pipeline.json'));

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])),
  );
  return nested.flat();
}

/**
 * Every example runs headless with its declared parameter defaults and writes
 * exactly its expected files: text byte for byte, Parquet and SQLite as the
 * columns, types and rows they read back as; with previews (every output
 * stored) and without (sources lazy, chains fused), the same files.
 */
describe.each(files)('example %s', (name) => {
  it.each([
    ['with previews', 100],
    ['without previews, fused', 0],
  ])('runs %s and matches pipelines/expected/<id>/', async (_, previewRows) => {
    const registry = createRegistry();
    const dir = await copyExamples();
    const pipeline = pipelineOrThrow(await loadPipelineFile(path.join(dir, name), registry), name);
    const params = resolveRunParams(pipeline.params);
    if (!params.ok) throw new Error(params.problems.join('; '));
    const state = await runPipeline(pipeline, { runId: 'golden', registry, host: localHost(dir), params: params.values, previewRows, onEvent: () => {} });
    expect(state).toBe('succeeded');

    const expectedDir = path.join(examplesDir, 'expected', pipeline.id);
    const expectedFiles = await listFiles(expectedDir);
    expect(expectedFiles.length).toBeGreaterThan(0);
    for (const file of expectedFiles) {
      expect(await readBack(path.join(dir, file)), file).toEqual(await readBack(path.join(expectedDir, file)));
    }
  });
});
