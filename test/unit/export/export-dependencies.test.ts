import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { exportPipeline } from '../../../node-library/export/export-pipeline';
import { repoRoot, tempDir } from '../helpers';
import { exportToTemp, registry, runScript } from './exported-script';

const fixture = path.join(repoRoot, 'test/fixtures/npm/pw-greet');

function greeter(dependencies: Record<string, string>): PipelineFile {
  return {
    format: 'pipewright/pipeline@1', id: 'greeter', name: 'Greeter', description: '', params: {}, edges: [], layout: {}, dependencies,
    nodes: [{
      id: 'greet', type: 'code.js', version: 1, params: {},
      code: ["import { greet } from 'pw-greet';", "export default async function run() { return { out: greet('export') } }"],
      ports: { inputs: [], outputs: [{ id: 'out', type: 'json' }] },
    }],
  };
}

describe('an exported script with npm dependencies', () => {
  it('lists them in its package.json (file: paths from the export folder), copies file: packages on install, and imports them from its node_modules', async () => {
    const app = await tempDir();
    const source = path.join(app, 'greeter.pipeline.json');
    const exported = await exportToTemp(greeter({ 'pw-greet': `file:${path.relative(app, fixture)}` }), source);
    const manifest = JSON.parse(await readFile(path.join(exported.dir, 'package.json'), 'utf8'));
    expect(manifest.dependencies['pw-greet']).toBe(`file:${path.relative(exported.dir, fixture)}`);
    expect(Object.keys(manifest.dependencies)).toEqual([...Object.keys(manifest.dependencies)].sort());
    expect(await readFile(path.join(exported.dir, '.npmrc'), 'utf8')).toBe('install-links=true\n');
    expect(await readFile(path.join(exported.dir, 'README.md'), 'utf8')).toContain('the npm packages its code nodes import (pw-greet)');

    // What npm install with install-links puts there: a copy (the helper linked the project's packages only).
    await rm(path.join(exported.dir, 'node_modules', 'pw-greet'), { force: true });
    const missing = await runScript(exported.dir, ['--json', '--no-history']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('pw-greet is declared in the pipeline\'s dependencies but not installed');
    await cp(fixture, path.join(exported.dir, 'node_modules', 'pw-greet'), { recursive: true });
    const run = await runScript(exported.dir, ['--json', '--no-history']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const preview = run.stdout.trim().split('\n').map((line) => JSON.parse(line)).find((e) => e.type === 'node:preview');
    expect(preview.value.text).toBe('Hello, export!');
  });

  it('refuses a declared package the script pins itself', async () => {
    const app = await tempDir();
    await expect(exportPipeline(greeter({ esbuild: '^0.20.0' }), path.join(app, 'greeter.pipeline.json'), registry, { outDir: path.join(app, 'out') })).rejects.toMatchObject({ code: 'E_EXPORT_001', message: expect.stringContaining('declares esbuild, which the exported script pins itself') });
  });
});
