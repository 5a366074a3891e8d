import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadPipelineFile, pipelineOrThrow } from '../../../node-library/model/load';
import { copyExamples, examplesDir } from '../helpers';
import { exportToTemp, registry, runInApp, runScript } from './exported-script';

const files = (await readdir(examplesDir)).filter((name) => name.endsWith('.pipeline.json'));

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])));
  return nested.flat();
}

/**
 * Every example, exported with its sample data and run with plain node in its
 * own temp folder, writes the same bytes as the in-app run (RunService, the
 * serve-mode path) of the same pipeline with the same parameters.
 */
describe.each(files)('exported example %s', (name) => {
  it('writes byte for byte what the in-app run writes', async () => {
    const app = await copyExamples();
    const pipeline = pipelineOrThrow(await loadPipelineFile(path.join(app, name), registry), name);
    expect(await runInApp(pipeline, path.join(app, name))).toBe('succeeded');

    const exported = await exportToTemp(pipeline, path.join(examplesDir, name), { includeData: true });
    const run = await runScript(exported.dir, []);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('run succeeded');

    const outputs = await listFiles(path.join(examplesDir, 'expected', pipeline.id));
    expect(outputs.length).toBeGreaterThan(0);
    for (const file of outputs) {
      const [inApp, script] = await Promise.all([readFile(path.join(app, file)), readFile(path.join(exported.dir, file))]);
      expect(script.equals(inApp), `${file} differs`).toBe(true);
    }
    // The script keeps its own run history next to itself.
    const history = new Database(path.join(exported.dir, 'history.sqlite'), { readonly: true });
    try {
      expect(history.prepare('SELECT pipeline_id, state FROM runs').all()).toEqual([{ pipeline_id: pipeline.id, state: 'succeeded' }]);
    } finally {
      history.close();
    }
  });
});
