import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../node-library/contract';
import { repoRoot, tempDir } from './helpers';

const cli = path.join(repoRoot, 'dist/node/cli.js');

async function pipewright(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('pipewright install and run with npm dependencies', () => {
  it('installs into the file\'s folder, which pipewright run imports from', async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
    const dir = await tempDir();
    const file = path.join(dir, 'hello.pipeline.json');
    const pipeline: PipelineFile = {
      format: 'pipewright/pipeline@1', id: 'hello', name: 'Hello', description: '', params: {}, edges: [], layout: {},
      dependencies: { 'pw-greet': `file:${path.relative(dir, path.join(repoRoot, 'test/fixtures/npm/pw-greet'))}` },
      nodes: [{ id: 'greet', type: 'code.js', version: 1, params: {}, code: ["import { greet } from 'pw-greet';", "export default async function run() { return { out: greet('CLI') } }"], ports: { inputs: [], outputs: [{ id: 'out', type: 'json' }] } }],
    };
    await writeFile(file, JSON.stringify(pipeline));
    const db = path.join(dir, 'history.sqlite');

    const before = await pipewright('run', file, '--db', db);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('pw-greet is declared in the pipeline\'s dependencies but not installed');

    const install = await pipewright('install', file);
    expect(install.stderr).toBe('');
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('npm: npm install --no-audit');
    expect(install.stdout).toMatch(/pw-greet@1\.2\.0 \(file:.*\): installed/);

    const run = await pipewright('run', file, '--db', db, '--json');
    expect(run.code).toBe(0);
    const preview = run.stdout.trim().split('\n').map((line) => JSON.parse(line)).find((e) => e.type === 'node:preview');
    expect(preview.value.text).toBe('Hello, CLI!');
  });
});
