import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localHost } from '../../../node-library/engine/host';
import { runPipeline } from '../../../node-library/engine/run-pipeline';
import { loadPipelineFile, pipelineOrThrow } from '../../../node-library/model/load';
import { createRegistry } from '../../../node-library/nodes/registry';
import { copyExamples, examplesDir } from '../helpers';

const files = (await readdir(examplesDir)).filter((name) => name.endsWith('.pipeline.json'));

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])),
  );
  return nested.flat();
}

/** Every example runs headless and writes exactly its expected files, byte for byte. */
describe.each(files)('example %s', (name) => {
  it('runs and matches pipelines/expected/<id>/', async () => {
    const registry = createRegistry();
    const dir = await copyExamples();
    const pipeline = pipelineOrThrow(await loadPipelineFile(path.join(dir, name), registry), name);
    const state = await runPipeline(pipeline, { runId: 'golden', registry, host: localHost(dir), onEvent: () => {} });
    expect(state).toBe('succeeded');

    const expectedDir = path.join(examplesDir, 'expected', pipeline.id);
    const expectedFiles = await listFiles(expectedDir);
    expect(expectedFiles.length).toBeGreaterThan(0);
    for (const file of expectedFiles) {
      expect(await readFile(path.join(dir, file), 'utf8'), file).toBe(await readFile(path.join(expectedDir, file), 'utf8'));
    }
  });
});
