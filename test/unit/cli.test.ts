import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExamples, repoRoot, tempDir, writeTempFile } from './helpers';

const cli = path.join(repoRoot, 'dist/node/cli.js');

/** Runs the built CLI as a real process; resolves with its exit code and output. */
async function pipewright(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('pipewright CLI', () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
  });

  it('runs the example headless and exits 0', async () => {
    const dir = await copyExamples();
    const result = await pipewright('run', path.join(dir, 'big-orders.pipeline.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('filter_big [info] kept 5 rows where amount > 100');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('run succeeded');
    expect(await readFile(path.join(dir, 'out/big-orders.csv'), 'utf8')).toContain('1010,Frances Allen');
  });

  it('prints JSON-lines events with --json', async () => {
    const dir = await copyExamples();
    const result = await pipewright('run', path.join(dir, 'big-orders.pipeline.json'), '--json');
    const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(events[0].type).toBe('run:start');
    expect(events.at(-1)).toMatchObject({ type: 'run:finish', state: 'succeeded' });
  });

  it('exits 1 on a failed run and on an invalid file, naming the problem', async () => {
    const dir = await copyExamples();
    const file = path.join(dir, 'big-orders.pipeline.json');
    const raw = JSON.parse(await readFile(file, 'utf8'));
    raw.nodes[1].params.condition = 'no_such_column > 1';
    await writeTempFile(dir, 'broken.pipeline.json', JSON.stringify(raw));
    const failed = await pipewright('run', path.join(dir, 'broken.pipeline.json'));
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('write_big: skipped (upstream node filter_big failed)');

    raw.edges.push({ id: 'loop', from: { node: 'filter_big', port: 'out' }, to: { node: 'filter_big', port: 'in' } });
    await writeTempFile(dir, 'cyclic.pipeline.json', JSON.stringify(raw));
    const invalid = await pipewright('validate', path.join(dir, 'cyclic.pipeline.json'));
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('the graph has a cycle through nodes filter_big');
  });

  it('validates a good file and exits 2 on usage errors', async () => {
    expect((await pipewright('validate', path.join(repoRoot, 'pipelines/big-orders.pipeline.json'))).code).toBe(0);
    expect((await pipewright('explode')).code).toBe(2);
    expect((await pipewright('serve', '--port', 'abc')).stderr).toContain('--port must be a number');
    expect((await pipewright('run', path.join(await tempDir(), 'missing.json'))).code).toBe(1);
  });
});
