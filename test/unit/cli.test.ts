import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExamples, repoRoot, tempDir } from './helpers';

const cli = path.join(repoRoot, 'dist/node/cli.js');

/** Runs the built CLI as a real process; resolves with its exit code and output. */
async function pipewright(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, PIPEWRIGHT_DATA_DIR: path.join(repoRoot, 'test-results', 'never-used') } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The example in a temp folder with its own history database. */
async function example() {
  const dir = await copyExamples();
  const file = path.join(dir, 'big-orders.pipeline.json');
  return { dir, file, db: path.join(dir, 'history.sqlite'), raw: JSON.parse(await readFile(file, 'utf8')) };
}

describe('pipewright CLI', () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
  });

  it('runs the example headless, with a line per state change and its duration, and exits 0', async () => {
    const { dir, file, db } = await example();
    const result = await pipewright('run', file, '--db', db);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('filter_big [info] kept 5 rows where amount > 100');
    expect(result.stdout).toMatch(/filter_big: succeeded in \d+ ms/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('run succeeded');
    expect(await readFile(path.join(dir, 'out/big-orders.csv'), 'utf8')).toContain('1010,Frances Allen');
  });

  it('runs with --no-previews: the same output, no preview lines, the chain fused', async () => {
    const { dir, file, db } = await example();
    const result = await pipewright('run', file, '--db', db, '--no-previews');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/\.out: \d+ rows/);
    expect(result.stdout).not.toContain('kept 5 rows');
    expect(await readFile(path.join(dir, 'out/big-orders.csv'), 'utf8')).toContain('1010,Frances Allen');
  });

  it('prints JSON-lines events with --json, takes --param, and records the run', async () => {
    const { dir, file, db, raw } = await example();
    raw.params = { min: { type: 'number', default: 100, description: 'smallest amount kept' } };
    raw.nodes[1].params.condition = 'amount > 0';
    raw.nodes[2].params.path = { $param: 'out' };
    raw.params.out = { type: 'string', default: 'out/default.csv' };
    await writeFile(file, JSON.stringify(raw));
    const result = await pipewright('run', file, '--json', '--db', db, '--param', 'out=out/custom.csv', '--concurrency', '1');
    const events = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({ type: 'run:start', trigger: 'cli', params: { out: 'out/custom.csv', min: 100 } });
    expect(events.at(-1)).toMatchObject({ type: 'run:finish', state: 'succeeded' });
    expect(existsSync(path.join(dir, 'out/custom.csv'))).toBe(true);

    const runs = await pipewright('runs', '--db', db, '--json');
    expect(JSON.parse(runs.stdout)).toEqual([expect.objectContaining({ runId: events[0].runId, state: 'succeeded', trigger: 'cli' })]);
    const table = await pipewright('runs', '--db', db, '--pipeline', 'big-orders');
    expect(table.stdout).toContain(events[0].runId);
    const logs = await pipewright('logs', events[0].runId, '--db', db, '--node', 'write_big');
    expect(logs.stdout).toContain('write_big [info] wrote 10 rows to out/custom.csv');
    expect(logs.stdout).not.toContain('filter_big');
  });

  it('exits 1 on a failed run, then resume re-runs only what failed', async () => {
    const { dir, file, db, raw } = await example();
    raw.nodes[1].params.condition = 'no_such_column > 1';
    await writeFile(file, JSON.stringify(raw));
    const failed = await pipewright('run', file, '--db', db, '--json');
    expect(failed.code).toBe(1);
    const events = failed.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events).toContainEqual(expect.objectContaining({ nodeId: 'write_big', state: 'skipped', reason: 'upstream node filter_big failed' }));

    raw.nodes[1].params.condition = 'amount > 1000';
    await writeFile(file, JSON.stringify(raw));
    const resumed = await pipewright('resume', events[0].runId, '--db', db);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`read_orders: succeeded (reused from ${events[0].runId})`);
    expect(resumed.stdout).toContain('filter_big [info] kept 1 rows where amount > 1000');
    expect(await readFile(path.join(dir, 'out/big-orders.csv'), 'utf8')).toBe('order_id,customer,country,amount,ordered_at\n1003,Alan Turing,GB,1200.0,2026-01-04\n');
  });

  it('exits 2 on invalid input: a cycle, a bad parameter, an unknown run', async () => {
    const { dir, file, db, raw } = await example();
    raw.edges.push({ id: 'loop', from: { node: 'write_big', port: 'file' }, to: { node: 'read_orders', port: 'in' } });
    raw.edges.push({ id: 'loop2', from: { node: 'filter_big', port: 'out' }, to: { node: 'filter_big', port: 'in' } });
    const cyclic = path.join(dir, 'cyclic.pipeline.json');
    await writeFile(cyclic, JSON.stringify(raw));
    const invalid = await pipewright('validate', cyclic);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('the graph has a cycle through nodes read_orders, filter_big, write_big');
    expect(invalid.stderr).toContain('edge loop: node read_orders has no input port in');
    expect((await pipewright('run', cyclic, '--db', db)).code).toBe(2);

    const badParam = await pipewright('run', file, '--db', db, '--param', 'nope=1');
    expect(badParam.code).toBe(2);
    expect(badParam.stderr).toContain('unknown parameter nope; this pipeline declares none');
    expect((await pipewright('run', file, '--db', db, '--param', 'noequals')).stderr).toContain('--param takes name=value');
    expect((await pipewright('resume', 'run_missing', '--db', db)).code).toBe(2);
    expect((await pipewright('logs', 'run_missing', '--db', db)).code).toBe(2);
    const truncated = path.join(dir, 'truncated.pipeline.json');
    await writeFile(truncated, '{"format": "pipewright/pipeline@1", "nodes": [');
    const parse = await pipewright('run', truncated, '--db', db);
    expect(parse.code).toBe(2);
    expect(parse.stderr).not.toMatch(/\n\s+at /);
  });

  it('validates a good file, lists node types, and has --help on every command', async () => {
    expect((await pipewright('validate', path.join(repoRoot, 'pipelines/big-orders.pipeline.json'))).code).toBe(0);
    const nodes = JSON.parse((await pipewright('nodes', '--json')).stdout);
    expect(nodes.find((n: { type: string }) => n.type === 'transform.filter')).toMatchObject({ inputs: [{ id: 'in', type: 'table' }], params: [{ name: 'condition', kind: 'sql', required: true }, { name: 'values', kind: 'json', required: false }] });
    // Side by side: each is its own process, and one after another they took most of the timeout on a busy machine.
    const commands = ['run', 'validate', 'nodes', 'runs', 'logs', 'resume', 'test', 'export', 'serve', 'schedule'];
    const helps = await Promise.all(commands.map((command) => pipewright(command, '--help')));
    commands.forEach((command, i) => {
      expect(helps[i].code, command).toBe(0);
      expect(helps[i].stdout, command).toContain(`pipewright ${command}`);
    });
    expect((await pipewright('explode')).code).toBe(2);
    expect((await pipewright('serve', '--port', 'abc')).stderr).toContain('--port must be a number');
    expect((await pipewright('run', path.join(await tempDir(), 'missing.json'))).code).toBe(2);
    // A dozen process starts: more time than one test usually needs on a loaded machine.
  }, 90_000);
});
