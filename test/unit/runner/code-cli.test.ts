import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir, writeTempFile } from '../helpers';

const cli = path.join(repoRoot, 'dist/node/cli.js');

describe('a code node from the built CLI', () => {
  it('runs in dist/runner/runner.cjs, logs, and lets the CLI exit while runners idle', async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
    const dir = await tempDir();
    const pipeline = {
      format: 'pipewright/pipeline@1',
      id: 'code-cli',
      name: 'Code from the CLI',
      nodes: [
        { id: 'numbers', type: 'transform.sql', params: { query: 'SELECT range AS n FROM range(5)' } },
        { id: 'double', type: 'code.ts', code: ['export default async function run({ inputs }: { inputs: { in: { toArray(): { n: number }[] } } }) {', "  console.warn('doubling');", '  return { out: inputs.in.toArray().map((r) => ({ n: r.n * 2 })) };', '}'] },
      ],
      edges: [{ id: 'e1', from: { node: 'numbers', port: 'out' }, to: { node: 'double', port: 'in' } }],
    };
    const file = await writeTempFile(dir, 'code.pipeline.json', JSON.stringify(pipeline));
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'run', file, '--db', path.join(dir, 'history.sqlite')]);
    expect(stdout).toContain('double [warn] doubling');
    expect(stdout).toContain('double.out: 5 rows');
    expect(stdout.trim().split('\n').at(-1)).toBe('run succeeded');
  });
});
