// Run-history bookkeeping on a real SQLite file (WAL, synchronous = FULL) in os.tmpdir().
// Prints times; asserts nothing.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PipelineFile, RunEvent } from '../../node-library/contract';
import { RunStore } from '../../node-library/store/run-store';

const pipeline: PipelineFile = { format: 'pipewright/pipeline@1', id: 'bench', name: 'bench', description: '', params: {}, nodes: [], edges: [], layout: {} };
let runCount = 0;

function begin(store: RunStore, pipelineId = 'bench'): string {
  const runId = `run-${++runCount}`;
  store.beginRun({ runId, pipeline: { ...pipeline, id: pipelineId }, params: {}, trigger: 'manual', startedAt: Date.now() });
  return runId;
}

function print(label: string, value: string): void {
  console.log(`${label.padEnd(72)} ${value}`);
}

function nodeEvents(runId: string, i: number, withLog: boolean): RunEvent[] {
  const nodeId = `n${i}`;
  const at = Date.now();
  const events: RunEvent[] = [{ type: 'node:state', runId, nodeId, state: 'running', attempt: 1, at }];
  if (withLog) events.push({ type: 'node:log', runId, nodeId, level: 'info', message: `node ${nodeId} read 1,234 rows`, at });
  events.push({ type: 'node:state', runId, nodeId, state: 'succeeded', attempt: 1, durationMs: 3, at });
  return events;
}

/** All of a run's bookkeeping appended in one go, as a fast engine would: the batches fill up. */
function burst(store: RunStore, nodes: number, withLog: boolean): number {
  const start = performance.now();
  const runId = begin(store);
  for (let i = 0; i < nodes; i++) for (const event of nodeEvents(runId, i, withLog)) store.append(event);
  store.append({ type: 'run:finish', runId, state: 'succeeded', at: Date.now() });
  return performance.now() - start;
}

/** One node's events per event-loop turn, as when every node awaits I/O: each turn is its own commit. */
async function spread(store: RunStore, nodes: number): Promise<number> {
  const start = performance.now();
  const runId = begin(store);
  for (let i = 0; i < nodes; i++) {
    for (const event of nodeEvents(runId, i, false)) store.append(event);
    await new Promise((resolve) => setImmediate(resolve));
  }
  store.append({ type: 'run:finish', runId, state: 'succeeded', at: Date.now() });
  return performance.now() - start;
}

function logLines(store: RunStore, lines: number): number {
  const runId = begin(store);
  const start = performance.now();
  for (let i = 0; i < lines; i++) store.append({ type: 'node:log', runId, nodeId: 'code_1', level: 'info', message: `processed record ${i} of ${lines}`, at: Date.now() });
  store.append({ type: 'run:finish', runId, state: 'succeeded', at: Date.now() });
  return performance.now() - start;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** What this machine does without the store: the floor of the 30,000-event burst (JSON for every event, a row per log and node run). */
function yardstick(): number {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (run_key INTEGER, node_id TEXT, a INTEGER, b INTEGER, c TEXT, d TEXT, e INTEGER); CREATE INDEX t_i ON t (run_key, node_id)');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)');
  const start = performance.now();
  let bytes = 0;
  for (let i = 0; i < 30_000; i++) bytes += JSON.stringify({ type: 'node:state', runId: 'run-1', nodeId: `n${i}`, state: 'running', attempt: 1, at: Date.now() }).length;
  db.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(1, `n${i >> 1}`, null, 1, 'info', 'node read 1,234 rows', Date.now());
  })();
  const ms = performance.now() - start;
  db.close();
  return bytes > 0 ? ms : 0;
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'pipewright-store-bench-'));
try {
  const store = RunStore.open(path.join(dir, 'runs.sqlite'));
  burst(store, 1_000, false); // warm up statements and the file
  yardstick();
  print('yardstick: 30,000 JSON.stringify + 20,000 indexed inserts in :memory:', `${median([0, 1, 2].map(yardstick)).toFixed(1)} ms`);

  const nodeTimes = [0, 1, 2].map(() => burst(store, 10_000, false));
  print('10,000 nodes (running + succeeded, one node run each), burst', `${median(nodeTimes).toFixed(1)} ms  ${((median(nodeTimes) * 1000) / 10_000).toFixed(2)} µs/node`);
  const withLogs = [0, 1, 2].map(() => burst(store, 10_000, true));
  print('30,000 events + 10,000 node runs (one log per node), burst', `${median(withLogs).toFixed(1)} ms`);
  const spreadMs = await spread(store, 2_000);
  print('2,000 nodes, one node per event-loop turn (a commit each)', `${spreadMs.toFixed(1)} ms  ${((spreadMs * 1000) / 2_000).toFixed(1)} µs/node`);
  const delayed = RunStore.open(path.join(dir, 'runs.sqlite'), { flushDelayMs: 10 });
  const delayedMs = await spread(delayed, 2_000);
  delayed.close();
  print('  the same with flushDelayMs: 10', `${delayedMs.toFixed(1)} ms  ${((delayedMs * 1000) / 2_000).toFixed(1)} µs/node`);

  const logMs = logLines(store, 200_000);
  print('200,000 log lines', `${logMs.toFixed(0)} ms  ${Math.round(200_000 / (logMs / 1000)).toLocaleString('en')} lines/s`);

  const file = path.join(dir, 'runs.sqlite');
  const before = statSync(file).size + statSync(`${file}-wal`).size;
  const pruneStart = performance.now();
  const pruned = store.prune(0);
  print(`prune(0): ${pruned} runs (${(before / 1e6).toFixed(0)} MB) deleted, then VACUUM`, `${(performance.now() - pruneStart).toFixed(0)} ms`);
  for (let i = 0; i < 1_000; i++) {
    const runId = begin(store, `p${i % 10}`);
    store.append({ type: 'run:finish', runId, state: i % 7 ? 'succeeded' : 'failed', at: Date.now() });
  }
  const list = (filter: Parameters<RunStore['listRuns']>[0]) =>
    median(
      [0, 1, 2, 3, 4].map(() => {
        const start = performance.now();
        store.listRuns(filter);
        return performance.now() - start;
      }),
    );
  print('listRuns over 1,000 runs: newest 100', `${list({}).toFixed(2)} ms`);
  print('listRuns over 1,000 runs: all 1,000', `${list({ limit: 1_000 }).toFixed(2)} ms`);
  print('listRuns over 1,000 runs: one pipeline, failed only', `${list({ pipelineId: 'p3', state: 'failed' }).toFixed(2)} ms`);
  store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
