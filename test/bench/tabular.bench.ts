// Tabular throughput: read CSV -> filter (value > 50) -> group by group (count, avg) -> write CSV over
// 1,000,000 rows, through runPipeline, against (a) the same single query on DuckDB, the limit (and
// (a') that query with the CSV buffer size the engine's read node picks, so the engine's own tuning
// is not counted as beating the limit), and (b) a hand-written streaming Node script (readline + split). Each variant runs in a child process
// of its own so that its peak RSS is its own; the engine with previews also as a later run in its process, as
// the app's backend runs all but its first. Prints times, ratios and peak RSS; asserts nothing.
// BENCH_ROWS=100000 npm run bench -- tabular for a quick run.
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { PipelineFile, RunEvent } from '../../node-library/contract';
import { DuckDbSession } from '../../node-library/data/duckdb-session';
import { table } from '../../node-library/data/table';
import { localHost } from '../../node-library/engine/host';
import { runPipeline } from '../../node-library/engine/run-pipeline';
import { parsePipeline } from '../../node-library/model/load';
import { createRegistry } from '../../node-library/nodes/registry';
import { csvBufferSize } from '../../node-library/nodes/source/read-csv.node';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const variants = ['idle', 'duckdb', 'duckdbTuned', 'engine', 'engineWarm', 'headless', 'streaming'] as const;
type Variant = (typeof variants)[number];

interface Measurement {
  ms: number;
  maxRssMb: number;
  /** Engine only: how long each node took, and how long a preview of a stored 500k-row output takes. */
  nodeMs?: Record<string, number>;
  previewMs?: number;
}

/** The input, made once per row count and kept in the temp folder for later runs. */
async function inputCsv(): Promise<string> {
  const file = path.join(os.tmpdir(), `pipewright-bench-tabular-${rows}.csv`);
  if ((await stat(file).catch(() => undefined))?.size) return file;
  const db = await DuckDBInstance.create(':memory:');
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

function pipeline(csv: string, out: string): PipelineFile {
  const node = (id: string, type: string, params: Record<string, unknown>) => ({ id, type, version: 1, params });
  const edge = (from: string, to: string) => ({ id: `${from}-${to}`, from: { node: from, port: 'out' }, to: { node: to, port: 'in' } });
  return {
    format: 'pipewright/pipeline@1',
    id: 'tabular-bench',
    name: 'Tabular bench',
    description: '',
    params: {},
    nodes: [
      node('read', 'source.read_csv', { path: csv }),
      node('filter', 'transform.filter', { condition: 'value > 50' }),
      node('aggregate', 'transform.aggregate', { groupBy: ['group'], aggregations: [{ op: 'count', as: 'count' }, { op: 'avg', column: 'value', as: 'avg_value' }] }),
      node('write', 'sink.write_csv', { path: out }),
    ],
    edges: [edge('read', 'filter'), edge('filter', 'aggregate'), edge('aggregate', 'write')],
    layout: {},
  };
}

/** previewRows 100: as the app runs it, every output stored and previewed; 0: headless, sources lazy and the chain fused. */
async function runEngine(csv: string, out: string, previewRows: number): Promise<Pick<Measurement, 'nodeMs'>> {
  const registry = createRegistry();
  const parsed = parsePipeline(JSON.stringify(pipeline(csv, out)), registry);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const nodeMs: Record<string, number> = {};
  const errors: string[] = [];
  const onEvent = (e: RunEvent) => {
    if (e.type === 'node:state' && e.durationMs !== undefined) nodeMs[e.nodeId] = e.durationMs;
    if (e.type === 'node:state' && e.error) errors.push(`${e.nodeId}: ${e.error.message}`);
  };
  const state = await runPipeline(parsed.pipeline, { runId: 'bench', registry, host: localHost(path.dirname(out)), onEvent, previewRows });
  if (state !== 'succeeded') throw new Error(`the pipeline ${state}: ${errors.join('; ')}`);
  return { nodeMs };
}

/** A preview of a stored output the size of the filter's (about half the rows): what the UI waits for after a node finishes. */
async function previewLatency(csv: string): Promise<number> {
  const data = new DuckDbSession();
  try {
    const stored = await data.materialise('filtered', table(`SELECT * FROM read_csv('${csv}') WHERE value > 50`));
    const start = performance.now();
    await data.preview(stored, 100);
    return performance.now() - start;
  } finally {
    await data.close();
  }
}

/** The query on DuckDB's defaults; `tuned`: with the CSV buffer size the engine's read node picks for this file. */
async function runDuckDb(csv: string, out: string, tuned = false): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const bufferSize = tuned ? csvBufferSize((await stat(csv)).size, os.availableParallelism()) : undefined;
  const options = bufferSize === undefined ? '' : `, buffer_size = ${bufferSize}`;
  await c.run(`COPY (
    SELECT "group", count(*) AS count, avg(value) AS avg_value FROM read_csv('${csv}'${options}) WHERE value > 50 GROUP BY "group" ORDER BY "group"
  ) TO '${out}' (HEADER)`);
  c.closeSync();
  db.closeSync();
}

async function runStreaming(csv: string, out: string): Promise<void> {
  const groups = new Map<string, { count: number; sum: number }>();
  let header = true;
  for await (const line of createInterface({ input: createReadStream(csv), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    const [, group, value] = line.split(',');
    const v = Number(value);
    if (!(v > 50)) continue;
    const g = groups.get(group);
    if (g) {
      g.count++;
      g.sum += v;
    } else groups.set(group, { count: 1, sum: v });
  }
  const lines = [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, g]) => `${group},${g.count},${g.sum / g.count}`);
  await writeFile(out, `group,count,avg_value\n${lines.join('\n')}\n`);
}

/** In the child: one variant, timed, with this process's peak RSS. */
async function child(variant: Variant, csv: string, out: string): Promise<Measurement> {
  // A later run in the same process, as the app's backend runs all but its first: DuckDB's instance and memory are warm.
  if (variant === 'engineWarm') await runEngine(csv, out, 100);
  const start = performance.now();
  let extra: Partial<Measurement> = {};
  if (variant === 'engine' || variant === 'engineWarm') extra = await runEngine(csv, out, 100);
  else if (variant === 'headless') await runEngine(csv, out, 0);
  else if (variant === 'duckdb') await runDuckDb(csv, out);
  else if (variant === 'duckdbTuned') await runDuckDb(csv, out, true);
  else if (variant === 'streaming') await runStreaming(csv, out);
  const ms = performance.now() - start;
  // Before the preview measurement, which stores a table of its own.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  if (variant === 'engine') extra.previewMs = await previewLatency(csv);
  return { ms, maxRssMb, ...extra };
}

/** group -> [count, avg] from any variant's output, to check they agree. */
async function results(file: string): Promise<Map<string, [number, number]>> {
  const lines = (await readFile(file, 'utf8')).trim().split('\n').slice(1);
  return new Map(lines.map((l) => l.split(',')).map(([g, n, avg]) => [g, [Number(n), Number(avg)]]));
}

function agree(a: Map<string, [number, number]>, b: Map<string, [number, number]>): boolean {
  return a.size === b.size && [...a].every(([g, [n, avg]]) => b.get(g)?.[0] === n && Math.abs(b.get(g)![1] - avg) < 1e-9 * Math.max(1, Math.abs(avg)));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function parent(): Promise<void> {
  const csv = await inputCsv();
  const csvMb = (await stat(csv)).size / 2 ** 20;
  console.log(`input: ${rows.toLocaleString('en')} rows, ${csvMb.toFixed(1)} MB of CSV (${csv}); ${repeats} runs each, median`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pipewright-bench-'));
  try {
    const runs = new Map<Variant, Measurement[]>(variants.map((v) => [v, []]));
    // Interleaved, so a slow moment of the machine does not fall on one variant only.
    for (let i = 0; i < repeats; i++) {
      for (const variant of variants) {
        const stdout = execFileSync(process.execPath, [process.argv[1], variant, csv, path.join(dir, `${variant}.csv`)], { encoding: 'utf8' });
        runs.get(variant)!.push(JSON.parse(stdout.trim().split('\n').at(-1)!) as Measurement);
      }
    }
    const reference = await results(path.join(dir, 'duckdb.csv'));
    for (const variant of ['duckdbTuned', 'engine', 'engineWarm', 'headless', 'streaming'] as const) {
      if (!agree(reference, await results(path.join(dir, `${variant}.csv`)))) throw new Error(`${variant} disagrees with the DuckDB query`);
    }
    const time = (v: Variant) => median(runs.get(v)!.map((m) => m.ms));
    const rss = (v: Variant) => median(runs.get(v)!.map((m) => m.maxRssMb));
    const labels: Record<Variant, string> = {
      idle: 'idle child (node + these modules, no work)',
      duckdb: '(a) one DuckDB query (COPY ... GROUP BY)',
      duckdbTuned: "(a') the same, with the engine's CSV buffer size",
      engine: 'runPipeline, previews, first run in a fresh process',
      engineWarm: 'the same, a later run (the app after its first run)',
      headless: 'runPipeline, no previews (--no-previews: fused)',
      streaming: '(b) streaming script (readline + split)',
    };
    for (const v of variants) {
      // A warm run's peak is its process's, first run included: not its own.
      const peak = v === 'engineWarm' ? '' : `peak RSS ${rss(v).toFixed(0).padStart(5)} MB`;
      console.log(`${labels[v].padEnd(52)} ${v === 'idle' ? '' : `${time(v).toFixed(0).padStart(7)} ms`.padEnd(11)} ${peak}`);
    }
    const engine = runs.get('engine')!;
    const nodes = Object.keys(engine[0].nodeMs ?? {});
    console.log(`engine per node (median ms): ${nodes.map((n) => `${n} ${median(engine.map((m) => m.nodeMs?.[n] ?? 0))}`).join(', ')}`);
    console.log(`results agree across the variants (${reference.size} groups)`);
    console.log(
      `engine, a later run: ratio to the DuckDB query ${(time('engineWarm') / time('duckdb')).toFixed(2)}x (target <= 1.5x); ` +
        `streaming script / engine ${(time('streaming') / time('engineWarm')).toFixed(2)}x (target >= 2x)`,
    );
    for (const v of ['engine', 'headless'] as const) {
      console.log(
        `${v}: ratio to the DuckDB query ${(time(v) / time('duckdb')).toFixed(2)}x (target <= 1.5x), to the tuned one ${(time(v) / time('duckdbTuned')).toFixed(2)}x; ` +
          `streaming script / ${v} ${(time('streaming') / time(v)).toFixed(2)}x (target >= 2x); ` +
          `peak RSS / file size ${(rss(v) / csvMb).toFixed(2)}x (target <= 3x), above the idle child's ${((rss(v) - rss('idle')) / csvMb).toFixed(2)}x`,
      );
    }
    console.log(`preview of a stored ${Math.round(rows / 2).toLocaleString('en')}-row output: ${median(engine.map((m) => m.previewMs ?? 0)).toFixed(1)} ms (target <= 50 ms)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const [variant, csvArg, outArg] = process.argv.slice(2);
if (variant) console.log(JSON.stringify(await child(variant as Variant, csvArg, outArg)));
else await parent();
