import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { loadPipelineFile, pipelineOrThrow } from '../../../node-library/model/load';
import { engineOf } from '../../../node-library/export/bundle-script';
import { copyExamples, tempDir } from '../helpers';
import { exportToTemp, registry, runInApp, runScript } from './exported-script';

/** big-orders with two parameters: the smallest amount kept and the output path. */
async function parameterised() {
  const app = await copyExamples();
  const source = path.join(app, 'big-orders.pipeline.json');
  const pipeline = pipelineOrThrow(await loadPipelineFile(source, registry), 'big-orders');
  pipeline.params = { min: { type: 'number', default: 100, description: 'smallest amount kept' }, out: { type: 'string', default: 'out/default.csv' } };
  pipeline.nodes[1].params = { condition: 'amount > $min', values: { min: { $param: 'min' } } };
  pipeline.nodes[2].params = { path: { $param: 'out' } };
  return { app, source, pipeline };
}

const trivial: PipelineFile = {
  format: 'pipewright/pipeline@1',
  id: 'trivial',
  name: 'Trivial',
  description: '',
  params: { greeting: { type: 'string', default: 'hello' } },
  nodes: [
    { id: 'read', type: 'source.param', version: 1, params: { name: 'greeting' } },
    { id: 'pass', type: 'util.noop', version: 1, params: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'read', port: 'out' }, to: { node: 'pass', port: 'in' } }],
  layout: {},
};

describe('an exported script', () => {
  it('takes --param, --json and --out-dir, runs from any folder, and writes what the app writes with the same parameters', async () => {
    const { app, source, pipeline } = await parameterised();
    expect(await runInApp(pipeline, source, { min: '1000', out: 'out/custom.csv' })).toBe('succeeded');
    const exported = await exportToTemp(pipeline, source, { includeData: true });
    const elsewhere = await tempDir();
    const run = await runScript(exported.dir, ['--param', 'min=1000', '--param', 'out=out/custom.csv', '--json', '--out-dir', 'results'], { cwd: elsewhere });
    expect(run.code).toBe(0);
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({ type: 'run:start', pipelineId: 'big-orders', params: { min: 1000, out: 'out/custom.csv' } });
    expect(events.at(-1)).toMatchObject({ type: 'run:finish', state: 'succeeded' });
    const written = await readFile(path.join(elsewhere, 'results/out/custom.csv'));
    expect(written.equals(await readFile(path.join(app, 'out/custom.csv')))).toBe(true);
    expect(written.toString()).toBe('order_id,customer,country,amount,ordered_at\n1003,Alan Turing,GB,1200.0,2026-01-04\n');
  });

  it('lists its parameters with types and defaults under --help', async () => {
    const { source, pipeline } = await parameterised();
    const exported = await exportToTemp(pipeline, source);
    const help = await runScript(exported.dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: node pipeline.mjs [--param name=value]...');
    expect(help.stdout).toContain('  min (number, default 100)  smallest amount kept');
    expect(help.stdout).toContain('  out (string, default "out/default.csv")');
  });

  it('exits 2 on a bad parameter, naming it, before anything runs', async () => {
    const { source, pipeline } = await parameterised();
    const exported = await exportToTemp(pipeline, source, { includeData: true });
    const unknown = await runScript(exported.dir, ['--param', 'nope=1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown parameter nope; declared: min, out');
    const mistyped = await runScript(exported.dir, ['--param', 'min=lots']);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain('parameter min must be a number, got "lots"');
    expect((await runScript(exported.dir, ['--param', 'noequals'])).stderr).toContain('--param takes name=value');
    expect((await runScript(exported.dir, ['--colour'])).code).toBe(2);
    expect(existsSync(path.join(exported.dir, 'out'))).toBe(false);
  });

  it('exits 1 when the run fails', async () => {
    const { source, pipeline } = await parameterised();
    const exported = await exportToTemp(pipeline, source);
    // Without --with-data the input file is not there.
    const run = await runScript(exported.dir, []);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('read_orders: failed');
  });

  it('reads secrets from PIPEWRIGHT_SECRET_<NAME>, holds no secret value, and stops before running when one is missing', async () => {
    const dir = await tempDir();
    const pipeline: PipelineFile = {
      ...trivial,
      id: 'warehouse',
      params: {},
      nodes: [
        { id: 'query', type: 'source.postgres', version: 1, params: { connection: { $secret: 'WAREHOUSE_URL' }, query: 'SELECT 1' } },
        { id: 'write', type: 'sink.write_csv', version: 1, params: { path: 'out/rows.csv' } },
      ],
      edges: [{ id: 'e1', from: { node: 'query', port: 'out' }, to: { node: 'write', port: 'in' } }],
    };
    process.env.PIPEWRIGHT_SECRET_WAREHOUSE_URL = 'postgres://etl:hunter2@db.example/warehouse';
    try {
      const exported = await exportToTemp(pipeline, path.join(dir, 'warehouse.pipeline.json'));
      const text = (await Promise.all(exported.files.map((f) => readFile(path.join(exported.dir, f), 'utf8')))).join('\n');
      expect(text).not.toContain('hunter2');
      const missing = await runScript(exported.dir, []);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('missing secret: set PIPEWRIGHT_SECRET_WAREHOUSE_URL; nothing ran');
      expect(existsSync(path.join(exported.dir, 'history.sqlite'))).toBe(false);
      expect((await runScript(exported.dir, ['--help'])).stdout).toContain('  PIPEWRIGHT_SECRET_WAREHOUSE_URL');
      // Given, it reaches the node: the connection then fails (no server), which is a failed run.
      const given = await runScript(exported.dir, [], { env: { PIPEWRIGHT_SECRET_WAREHOUSE_URL: 'postgres://etl@127.0.0.1:1/none' } });
      expect(given.code).toBe(1);
      expect(given.stdout).toContain('query: failed');
    } finally {
      delete process.env.PIPEWRIGHT_SECRET_WAREHOUSE_URL;
    }
  });

  it('bundles only the node types it uses, and needs no DuckDB when no node passes tables', async () => {
    const dir = await tempDir();
    const exported = await exportToTemp(trivial, path.join(dir, 'trivial.pipeline.json'));
    expect(exported.packages).toEqual(['better-sqlite3']);
    const manifest = JSON.parse(await readFile(path.join(exported.dir, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies)).toEqual(['better-sqlite3']);
    expect(manifest.dependencies['better-sqlite3']).toMatch(/^\d+\.\d+\.\d+$/);
    const engine = engineOf(await readFile(path.join(exported.dir, 'pipeline.mjs'), 'utf8'));
    expect(engine).toContain('type:"util.noop"');
    expect(engine).not.toContain('"source.postgres"');
    expect(engine).not.toContain('"transform.filter"');
    // node_modules holds only better-sqlite3: loading DuckDB would fail the run.
    const run = await runScript(exported.dir, ['--param', 'greeting=hi', '--no-history']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pass: succeeded');
    expect(existsSync(path.join(exported.dir, 'history.sqlite'))).toBe(false);
  });

  it('keeps the compiled engine in .pipeline.cache, and runs as well without it or with a stale one', async () => {
    const dir = await tempDir();
    const exported = await exportToTemp(trivial, path.join(dir, 'trivial.pipeline.json'));
    const cache = path.join(exported.dir, '.pipeline.cache');
    expect(await readFile(path.join(exported.dir, '.gitignore'), 'utf8')).toContain('.pipeline.cache\n');
    expect(existsSync(cache)).toBe(false);
    const first = await runScript(exported.dir, ['--no-history']);
    expect(first.code).toBe(0);
    const written = await readFile(cache);
    expect(written.length).toBeGreaterThan(10_000);
    // V8 rejects a cache that does not match the engine's source: the script compiles afresh and writes a good one.
    await writeFile(cache, 'not a code cache');
    const stale = await runScript(exported.dir, ['--no-history']);
    expect(stale.stderr).toBe('');
    expect(stale.code).toBe(0);
    expect(stale.stdout).toContain('pass: succeeded');
    expect((await readFile(cache)).length).toBeGreaterThan(10_000);
  });
});
