import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../node-library/contract';
import { removeStaleTemps, serializePipeline } from '../../node-library/model/save';
import { repoRoot, tempDir } from '../unit/helpers';
import { recordFigure, scale } from './figures';

const kills = scale(8, 100);
const child = path.join(repoRoot, 'test-results', 'save-child.mjs');

beforeAll(async () => {
  await build({ entryPoints: [path.join(repoRoot, 'test/reliability/save-child.ts')], outfile: child, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
});

/** A pipeline of about 2 MB: many nodes with long SQL. */
function bigPipeline(name: string): string {
  const nodes = Array.from({ length: 2_000 }, (_, i) => ({ id: `n${i}`, type: 'transform.sql', version: 1, params: { sql: `SELECT * FROM input WHERE note = '${name} ${'x'.repeat(900)}'` } }));
  const pipeline: PipelineFile = { format: 'pipewright/pipeline@1', id: 'big', name, description: '', params: {}, nodes, edges: [], layout: {} };
  return serializePipeline(pipeline);
}

function saveAndKill(file: string, a: string, b: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, file, a, b], { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.stdout.once('data', () => setTimeout(() => proc.kill('SIGKILL'), afterMs));
    proc.on('error', reject);
    proc.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error('the saving child stopped by itself'))));
  });
}

describe('saves under SIGKILL', () => {
  it(`leaves the old file or the new one, whole, over ${kills} kills, and clears the temp files at the next start`, async () => {
    const dir = await tempDir();
    const versions = [bigPipeline('A'), bigPipeline('B')];
    const [a, b] = [path.join(dir, 'a.txt'), path.join(dir, 'b.txt')];
    await writeFile(a, versions[0]);
    await writeFile(b, versions[1]);
    const file = path.join(dir, 'big.pipeline.json');
    await writeFile(file, versions[0]);
    let torn = 0;
    let orphans = 0;
    for (let i = 0; i < kills; i++) {
      await saveAndKill(file, a, b, 5 + Math.floor(Math.random() * 296));
      const text = await readFile(file, 'utf8');
      if (text !== versions[0] && text !== versions[1]) torn++;
      orphans += (await removeStaleTemps(dir, 0)).length;
    }
    const left = (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
    recordFigure(
      `saves: SIGKILL during saves of a ${(versions[0].length / 2 ** 20).toFixed(1)} MB pipeline, ${kills} times`,
      `${torn} torn files; ${orphans} temp files left by kills, all removed by the start-up pass (${left.length} left)`,
      torn === 0 && left.length === 0,
    );
    expect(versions[0].length).toBeGreaterThan(2 * 10 ** 6 * 0.9);
    expect(torn).toBe(0);
    expect(left).toEqual([]);
  });

  it('leaves a temp file younger than a minute alone: another process may be saving it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '.p.pipeline.json.0123456789ab.tmp'), 'old');
    await writeFile(path.join(dir, '.p.pipeline.json.ba9876543210.tmp'), 'fresh');
    await writeFile(path.join(dir, '.notes.tmp'), 'not ours');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(path.join(dir, '.p.pipeline.json.0123456789ab.tmp'), hourAgo, hourAgo);
    await utimes(path.join(dir, '.notes.tmp'), hourAgo, hourAgo);
    expect(await removeStaleTemps(dir)).toEqual(['.p.pipeline.json.0123456789ab.tmp']);
    expect((await readdir(dir)).sort()).toEqual(['.notes.tmp', '.p.pipeline.json.ba9876543210.tmp']);
  });
});
