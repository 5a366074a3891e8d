// Code nodes: the cost of crossing into a runner process and back. Prints
// figures next to the targets of issue 6; asserts nothing.
import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PipelineFile, PipelineNode, RunEvent } from '../../node-library/contract';
import { DuckDbSession } from '../../node-library/data/duckdb-session';
import { table } from '../../node-library/data/table';
import { localHost } from '../../node-library/engine/host';
import { runPipeline } from '../../node-library/engine/run-pipeline';
import { createRegistry } from '../../node-library/nodes/registry';
import { sharedRunnerPool, type PoolCall } from '../../node-library/runner/pool';
import type { IpcPieces } from '../../node-library/runner/arrow-columns';
import { hostTableBuffers } from '../../node-library/runner/spare-buffers';
import { arrowToTable, tableToArrow } from '../../node-library/runner/table-transfer';
import { transpile } from '../../node-library/runner/transpile';

const registry = createRegistry();
const rows = Number(process.env.BENCH_ROWS ?? 100_000);

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function report(label: string, value: string, target: string): void {
  console.log(`${label.padEnd(58)} ${value.padStart(12)}   target ${target}`);
}

function pipeline(code: string, query?: string): PipelineFile {
  const node: PipelineNode = { id: 'code', type: 'code.ts', version: 1, params: {}, code: code.split('\n') };
  if (!query) node.ports = { inputs: [], outputs: [{ id: 'out', type: 'json' }] };
  const nodes: PipelineNode[] = query ? [{ id: 'source', type: 'transform.sql', version: 1, params: { query } }, node] : [node];
  const edges = query ? [{ id: 'e1', from: { node: 'source', port: 'out' }, to: { node: 'code', port: 'in' } }] : [];
  return { format: 'pipewright/pipeline@1', id: 'bench', name: 'bench', description: '', params: {}, nodes, edges, layout: {} };
}

/**
 * Runs the pipeline; returns the code node's own time (from its running state to its succeeded
 * state, preview included: events carry whole milliseconds, so the bench times them itself) and
 * the whole run's.
 */
async function timedRun(p: PipelineFile, dir: string): Promise<{ nodeMs: number; runMs: number; workMs: number }> {
  let nodeMs = NaN;
  let running = NaN;
  let workMs = 0;
  const onEvent = (e: RunEvent) => {
    // The code's own timing of its work, when it logs one.
    if (e.type === 'node:log' && e.message.startsWith('work ')) workMs = Number(e.message.slice(5));
    if (e.type !== 'node:state' || e.nodeId !== 'code') return;
    if (e.state === 'failed') throw new Error(e.error?.message);
    if (e.state === 'running') running = performance.now();
    if (e.state === 'succeeded') nodeMs = performance.now() - running;
  };
  const start = performance.now();
  await runPipeline(p, { runId: 'bench', registry, host: localHost(dir), onEvent });
  return { nodeMs, runMs: performance.now() - start, workMs };
}

/** The same message to a child that only echoes it, over the channel runners use: what any runner call costs at least. */
async function bareRoundTrip(folder: string, serialization: 'json' | 'advanced'): Promise<number> {
  const echo = path.join(folder, 'echo.cjs');
  await writeFile(echo, "process.on('message', (m) => process.send({ type: 'result', callId: m.callId, outputs: [{ port: 'out', value: 2 }], reusable: true }));");
  const child = fork(echo, [], { serialization });
  const times: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const start = performance.now();
    const reply = new Promise((resolve) => child.once('message', resolve));
    child.send({ type: 'call', callId: i, code: '', codeKey: 'k', sourceMap: '', fileName: 'small.ts', inputs: { n: 1 }, tablePorts: [], outputs: [{ id: 'out', type: 'json' }], params: {}, secrets: {}, workDir: folder });
    await reply;
    times.push(performance.now() - start);
  }
  child.kill();
  return percentile(times.slice(500), 0.5) * 1000;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'pipewright-bench-'));
const pool = sharedRunnerPool();
// Wall-clock figures move with what else the machine runs; this says how busy it was.
console.log(`${os.availableParallelism()} CPUs, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.versions.node}`);
try {
  // 1. One warm runner call with a small payload, straight through the pool.
  const compiled = await transpile('export default async function run({ inputs }) { return { out: inputs.n + 1 } }', 'ts', 'small.ts');
  const call: PoolCall = { code: compiled.code, codeKey: compiled.key, sourceMap: compiled.sourceMap, fileName: 'small.ts', inputs: { n: 1 }, tablePorts: [], outputs: [{ id: 'out', type: 'json' }], params: {}, secrets: {} };
  const hooks = { log: () => {}, stateGet: () => undefined, stateSet: () => {} };
  const limits = { timeoutMs: 10_000, rssBytes: 2 ** 30 };
  const profile = { heapMb: 512, readPaths: [] };
  for (let i = 0; i < 500; i++) await pool.run(profile, call, hooks, limits);
  const calls: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const start = performance.now();
    await pool.run(profile, call, hooks, limits);
    calls.push(performance.now() - start);
  }
  report('warm runner call, small payload (p50)', `${(percentile(calls, 0.5) * 1000).toFixed(0)} µs`, '<= 100 µs (n8n Code node ~5.5 ms)');
  report('warm runner call, small payload (p99)', `${(percentile(calls, 0.99) * 1000).toFixed(0)} µs`, '-');
  report('  floor: a bare fork IPC round trip of the same message (p50)', `${(await bareRoundTrip(dir, 'json')).toFixed(0)} µs`, '-');
  report('  the same with structured clone, which runners used before (p50)', `${(await bareRoundTrip(dir, 'advanced')).toFixed(0)} µs`, '-');

  // 2. The first code node of a run, its runner already warm.
  const firstNode = pipeline('export default async function run() { return { out: 1 } }');
  await timedRun(firstNode, dir);
  const first: number[] = [];
  const firstRuns: number[] = [];
  for (let i = 0; i < 30; i++) {
    const { nodeMs, runMs } = await timedRun(firstNode, dir);
    first.push(nodeMs);
    firstRuns.push(runMs);
  }
  report('first code node of a run, warm pool (node, p50)', `${percentile(first, 0.5).toFixed(1)} ms`, '<= 30 ms');
  report('  the whole one-node run (p50)', `${percentile(firstRuns, 0.5).toFixed(1)} ms`, '-');
  // After an edit the code is new to esbuild and to the runner: transpiled and compiled once.
  const edited: number[] = [];
  for (let i = 0; i < 30; i++) edited.push((await timedRun(pipeline(`// edit ${i}\nexport default async function run() { return { out: ${i} } }`), dir)).nodeMs);
  report('  the same, just after an edit of its code (node, p50)', `${percentile(edited, 0.5).toFixed(1)} ms`, '-');

  // 3. A table of `rows` rows into a code node and back.
  const query = `SELECT range AS id, range * 1.5 AS amount, 'customer_' || (range % 1000) AS customer, range % 2 = 0 AS even FROM range(${rows})`;
  const session = new DuckDbSession();
  const source = await session.materialise('source', table(query));
  const toArrow: number[] = [];
  const fromArrow: number[] = [];
  let pieces: IpcPieces = [];
  for (let i = 0; i < 7; i++) {
    let start = performance.now();
    pieces = await tableToArrow(session, source);
    toArrow.push(performance.now() - start);
    // A code node stores what it read back from a runner: one buffer, not the writer's pieces.
    const bytes = Buffer.concat(pieces);
    // As the code node does once the call has sent them: the next table reuses their memory.
    hostTableBuffers.give(pieces);
    start = performance.now();
    await arrowToTable(session, `back_${i}`, bytes);
    fromArrow.push(performance.now() - start);
  }
  await session.close();
  console.log(`\n${rows.toLocaleString('en')} rows x 4 columns (BIGINT, DECIMAL, VARCHAR, BOOLEAN); Arrow IPC ${(pieces.reduce((n, p) => n + p.byteLength, 0) / 2 ** 20).toFixed(1)} MB`);
  report('  DuckDB -> Arrow IPC in the parent (p50)', `${percentile(toArrow, 0.5).toFixed(1)} ms`, '-');
  report('  Arrow IPC -> DuckDB table in the parent (p50)', `${percentile(fromArrow, 0.5).toFixed(1)} ms`, '-');
  const cases: [string, string][] = [
    ['table in, same table back (no user work)', 'export default async function run({ inputs }) { return { out: inputs.in } }'],
    ['table in, rows iterated, no rows back', 'export default async function run({ inputs }) { let n = 0; for (const r of inputs.in) n += r.id; return { out: [{ n }] } }'],
    // The user's own work here is making 100k row objects: the code times it, and the rest is the crossing.
    ['table in, toArray() back as rows', "export default async function run({ inputs, log }) { const t = performance.now(); const out = inputs.in.toArray(); log.info('work ' + (performance.now() - t)); return { out } }"],
  ];
  for (const [label, code] of cases) {
    const p = pipeline(code, query);
    await timedRun(p, dir);
    const times: number[] = [];
    const beyondWork: number[] = [];
    for (let i = 0; i < 15; i++) {
      const { nodeMs, workMs } = await timedRun(p, dir);
      times.push(nodeMs);
      beyondWork.push(nodeMs - workMs);
    }
    report(`code node: ${label} (p50)`, `${percentile(times, 0.5).toFixed(1)} ms`, '<= 20 ms + user work');
    if (label.includes('toArray')) report('  the same less the code\'s own toArray() (p50)', `${percentile(beyondWork, 0.5).toFixed(1)} ms`, '<= 20 ms');
  }
} finally {
  await pool.close();
  await rm(dir, { recursive: true, force: true });
}
