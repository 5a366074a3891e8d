// Exported scripts: (1) cold start of an exported trivial pipeline (no tables, so no DuckDB) from
// `node pipeline.mjs` to exit, against bare `node -e 0` on this machine; (2) the 1,000,000-row
// read CSV -> filter -> aggregate -> sort -> write CSV pipeline, exported and run with plain node, against
// the in-app run (RunService, the serve-mode path), outputs compared byte for byte. Like with like: the
// script is always a fresh process, so the in-app run it is held to is one too (this file, re-run with
// --in-app-run); the in-app run in this warm process, where DuckDB has run before, is printed as well.
// The export is installed for real with `npm install --offline` from the local npm cache (better-sqlite3
// compiles: minutes on a busy machine); BENCH_EXPORT_INSTALL=link links the project's packages instead.
// Prints times and ratios; asserts only that the outputs match. BENCH_ROWS=100000 for a quick run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RunService } from '../../node-library/backend/run-service';
import type { PipelineFile, RunEvent } from '../../node-library/contract';
import { loadDuckDb } from '../../node-library/data/duckdb-module';
import { exportPipeline } from '../../node-library/export/export-pipeline';
import { createRegistry } from '../../node-library/nodes/registry';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const starts = Number(process.env.BENCH_STARTS ?? 15);
const registry = createRegistry();

const node = (id: string, type: string, params: Record<string, unknown>) => ({ id, type, version: 1, params });
const edge = (from: string, to: string) => ({ id: `${from}-${to}`, from: { node: from, port: 'out' }, to: { node: to, port: 'in' } });
const base = { format: 'pipewright/pipeline@1' as const, description: '', params: {}, layout: {} };

const trivial: PipelineFile = { ...base, id: 'trivial', name: 'Trivial', params: { greeting: { type: 'string', default: 'hello' } }, nodes: [node('read', 'source.param', { name: 'greeting' }), node('pass', 'util.noop', {})], edges: [edge('read', 'pass')] };

function bigPipeline(csv: string): PipelineFile {
  return {
    ...base,
    id: 'export-bench',
    name: 'Export bench',
    nodes: [
      node('read', 'source.read_csv', { path: csv }),
      node('filter', 'transform.filter', { condition: 'value > 50' }),
      // count and max, not avg: a parallel sum of doubles can differ in its last digit from run to run.
      node('aggregate', 'transform.aggregate', { groupBy: ['group'], aggregations: [{ op: 'count', as: 'count' }, { op: 'max', column: 'value', as: 'max_value' }] }),
      // Sorted: a parallel GROUP BY returns its groups in any order, and the outputs are compared byte for byte.
      node('sort', 'transform.sort', { columns: ['group'] }),
      node('write', 'sink.write_csv', { path: 'out/aggregate.csv' }),
    ],
    edges: [edge('read', 'filter'), edge('filter', 'aggregate'), edge('aggregate', 'sort'), edge('sort', 'write')],
  };
}

/** The same input file as the tabular bench, made once per row count. */
async function inputCsv(): Promise<string> {
  const file = path.join(os.tmpdir(), `pipewright-bench-tabular-${rows}.csv`);
  if ((await stat(file).catch(() => undefined))?.size) return file;
  const db = await (await loadDuckDb()).DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const temp = `${file}.${process.pid}.tmp`;
  await c.run(`COPY (
    SELECT i AS id, 'g' || lpad((i % 100)::VARCHAR, 2, '0') AS "group", round(((i * 7919) % 100000) / 1000.0, 3) AS value, 'name_' || ((i * 31) % 10007) AS name
    FROM range(${rows}) t(i)) TO '${temp}' (HEADER)`);
  c.closeSync();
  db.closeSync();
  await rename(temp, file);
  return file;
}

async function exportTo(root: string, pipeline: PipelineFile, name: string): Promise<string> {
  const source = path.join(root, 'pipelines', `${pipeline.id}.pipeline.json`);
  await mkdir(path.dirname(source), { recursive: true });
  return (await exportPipeline(pipeline, source, registry, { outDir: path.join(root, name) })).dir;
}

async function install(dir: string): Promise<void> {
  const started = performance.now();
  if (process.env.BENCH_EXPORT_INSTALL === 'link') {
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const pkg of Object.keys(manifest.dependencies)) {
      await mkdir(path.dirname(path.join(dir, 'node_modules', pkg)), { recursive: true });
      await symlink(path.resolve('node_modules', pkg), path.join(dir, 'node_modules', pkg), 'dir');
    }
    console.log(`linked the project's packages into ${path.basename(dir)} (BENCH_EXPORT_INSTALL=link)`);
    return;
  }
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  console.log(`npm install --offline in ${path.basename(dir)}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function timeProcess(args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** run:start -> run:finish of JSON-lines events. */
function runSpan(events: RunEvent[]): number {
  const start = events.find((e) => e.type === 'run:start');
  const finish = events.find((e) => e.type === 'run:finish');
  if (finish?.type !== 'run:finish' || finish.state !== 'succeeded' || !start) throw new Error(`the run did not succeed: ${JSON.stringify(finish)}`);
  return finish.at - start.at;
}

/** Process start to exit of `node args`, with the run span of the JSON-lines events it prints. */
function timeRun(args: string[], cwd: string): { wall: number; run: number } {
  const started = performance.now();
  const stdout = execFileSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  return { wall: performance.now() - started, run: runSpan(stdout.trim().split('\n').map((l) => JSON.parse(l) as RunEvent)) };
}

/**
 * The child of --in-app-run: the app's RunService and full registry in a fresh process, with its own
 * history file. DuckDB is loaded before the run, as the exported script loads it;
 * events go to stdout as JSON lines, as the script's --json prints them.
 */
async function inAppRun(source: string, dataDir: string): Promise<void> {
  const duckDb = loadDuckDb();
  const runs = new RunService({ registry, dataDir });
  runs.onEvent((event) => process.stdout.write(`${JSON.stringify(event)}\n`));
  try {
    await duckDb;
    const state = await runs.start({ pipeline: JSON.parse(await readFile(source, 'utf8')) as PipelineFile, source, trigger: 'manual' }).done;
    process.exitCode = state === 'succeeded' ? 0 : 1;
  } finally {
    await runs.close();
  }
}

/** The in-app run in this (the bench's) process; wall is start() to done. */
async function runInThisProcess(pipeline: PipelineFile, source: string, dataDir: string): Promise<{ wall: number; run: number }> {
  const runs = new RunService({ registry, dataDir });
  const events: RunEvent[] = [];
  runs.onEvent((e) => events.push(e));
  const started = performance.now();
  try {
    await runs.start({ pipeline, source, trigger: 'manual' }).done;
    return { wall: performance.now() - started, run: runSpan(events) };
  } finally {
    await runs.close();
  }
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'pipewright-bench-export-'));
  try {
    await compare(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function compare(root: string): Promise<void> {
  const csv = await inputCsv();
  const bigDir = await exportTo(root, bigPipeline(csv), 'export-1m');
  await install(bigDir);
  const trivialDir = await exportTo(root, trivial, 'export-trivial');
  // Its package.json lists better-sqlite3 only: link just that from the installed export (no DuckDB within reach).
  await mkdir(path.join(trivialDir, 'node_modules'));
  await symlink(path.join(bigDir, 'node_modules', 'better-sqlite3'), path.join(trivialDir, 'node_modules', 'better-sqlite3'), 'dir');

  console.log(`\ncold start, median of ${starts} (min), the variants interleaved so that a busy moment of the machine falls on all alike:`);
  const variants = [
    ['node -e 0 (this machine, for scale)', ['-e', '0'], root],
    ['trivial export --no-history', ['pipeline.mjs', '--no-history'], trivialDir],
    ['trivial export with history', ['pipeline.mjs'], trivialDir],
    ['trivial export --help', ['pipeline.mjs', '--help'], trivialDir],
  ] as const;
  const startTimes = variants.map(() => [] as number[]);
  // The first round warms the disk cache and writes the script's .pipeline.cache; not counted.
  for (let round = 0; round <= starts; round++) {
    variants.forEach(([, args, cwd], i) => {
      const time = timeProcess([...args], cwd);
      if (round > 0) startTimes[i].push(time);
    });
  }
  variants.forEach(([label], i) => console.log(`  ${label.padEnd(38)} ${ms(median(startTimes[i])).padStart(7)} (${ms(Math.min(...startTimes[i]))})`));
  console.log(`  with history, above node -e 0: ${ms(median(startTimes[2]) - median(startTimes[0]))} (median)`);

  console.log(`\n${rows.toLocaleString('en')} rows, read CSV -> filter -> aggregate -> sort -> write CSV, median of ${repeats}:`);
  const warmDir = path.join(root, 'app-warm');
  const freshSource = path.join(root, 'app-fresh', 'export-bench.pipeline.json');
  await mkdir(path.dirname(freshSource), { recursive: true });
  await writeFile(freshSource, JSON.stringify(bigPipeline(csv)));
  const warm = { wall: [] as number[], run: [] as number[] };
  const fresh = { wall: [] as number[], run: [] as number[] };
  const script = { wall: [] as number[], run: [] as number[] };
  const self = fileURLToPath(import.meta.url);
  // The same RunService in a fresh process, as a cold app or `pipewright run` pays it: node start, every node type, DuckDB load.
  const cli = path.resolve('dist/node/cli.js');
  const cliWall: number[] = [];
  const cliPipeline = path.join(root, 'pipelines', 'export-bench.pipeline.json');
  await writeFile(cliPipeline, JSON.stringify(bigPipeline(csv)));
  // Not measured: every measured run in this process then follows one that used DuckDB.
  await runInThisProcess(bigPipeline(csv), path.join(warmDir, 'p.pipeline.json'), path.join(root, 'app-warm-data'));
  // Interleaved, so that a busy moment of the machine falls on every variant alike.
  for (let i = 0; i < repeats; i++) {
    if (existsSync(cli)) cliWall.push(timeProcess([cli, 'run', cliPipeline, '--db', path.join(root, 'cli-history.sqlite')], root));
    const freshRun = timeRun([self, '--in-app-run', freshSource, path.join(root, 'app-fresh-data')], root);
    fresh.wall.push(freshRun.wall);
    fresh.run.push(freshRun.run);

    const warmRun = await runInThisProcess(bigPipeline(csv), path.join(warmDir, 'p.pipeline.json'), path.join(root, 'app-warm-data'));
    warm.wall.push(warmRun.wall);
    warm.run.push(warmRun.run);

    const scriptRun = timeRun(['pipeline.mjs', '--json'], bigDir);
    script.wall.push(scriptRun.wall);
    script.run.push(scriptRun.run);
  }
  const written = await readFile(path.join(bigDir, 'out/aggregate.csv'));
  for (const dir of [warmDir, path.dirname(freshSource)]) {
    if (!written.equals(await readFile(path.join(dir, 'out/aggregate.csv')))) throw new Error(`the exported script wrote a different out/aggregate.csv than the in-app run in ${dir}`);
  }
  const figures = (x: { run: number[]; wall: number[] }) => `run ${ms(median(x.run)).padStart(7)}, wall ${ms(median(x.wall)).padStart(7)}`;
  const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(3);
  console.log('  run: run:start -> run:finish (DuckDB module loaded before it, the run\'s database opened in it); wall: process start to exit, or start() to done in this process');
  console.log(`  in-app run, fresh process (RunService)     ${figures(fresh)}`);
  console.log(`  exported script (node, history)            ${figures(script)}`);
  console.log(`  in-app run, warm process (after a run here) ${figures(warm)}`);
  if (cliWall.length) console.log(`  pipewright run (fresh process)                       wall ${ms(median(cliWall)).padStart(7)}; script / cli wall ${ratio(script.wall, cliWall)}`);
  console.log(`  ratio script / in-app, both fresh processes: run ${ratio(script.run, fresh.run)}, wall ${ratio(script.wall, fresh.wall)}; outputs identical`);
  console.log(`  ratio script / in-app warm: run ${ratio(script.run, warm.run)} (the first DuckDB run in a process costs more; no fresh process avoids it)`);
}

if (process.argv[2] === '--in-app-run') await inAppRun(process.argv[3], process.argv[4]);
else await main();
