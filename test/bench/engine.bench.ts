// Engine overhead: the same read -> filter -> write as one hand-written DuckDB query,
// and through runPipeline. Prints times and the ratio; asserts nothing.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PipelineFile } from '../../node-library/contract';
import { localHost } from '../../node-library/engine/host';
import { runPipeline } from '../../node-library/engine/run-pipeline';
import { parsePipeline } from '../../node-library/model/load';
import { createRegistry } from '../../node-library/nodes/registry';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const repeats = 3;

async function median(label: string, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
  console.log(`${label.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms`);
  return ms;
}

function chain(length: number): PipelineFile {
  const nodes: PipelineFile['nodes'] = [{ id: 'n0', type: 'source.read_csv', version: 1, params: { path: 'in.csv' } }];
  for (let i = 1; i < length; i++) nodes.push({ id: `n${i}`, type: 'transform.filter', version: 1, params: { condition: 'true' } });
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, from: { node: `n${i}`, port: 'out' }, to: { node: n.id, port: 'in' } }));
  return { format: 'pipewright/pipeline@1', id: 'chain', name: 'chain', description: '', params: {}, nodes, edges, layout: {} };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'pipewright-bench-'));
try {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const input = path.join(dir, 'in.csv');
  await connection.run(`COPY (SELECT i AS id, 'customer_' || (i % 1000) AS customer, (i % 2000) / 2.0 AS amount FROM range(${rows}) t(i)) TO '${input}' (HEADER)`);
  console.log(`input: ${rows.toLocaleString('en')} rows of CSV`);

  const raw = await median('raw DuckDB: one COPY ... WHERE amount > 100', () =>
    connection.run(`COPY (SELECT * FROM read_csv('${input}') WHERE amount > 100) TO '${path.join(dir, 'raw.csv')}' (HEADER)`),
  );
  const registry = createRegistry();
  const readFilterWrite = chain(2);
  readFilterWrite.nodes[1].params = { condition: 'amount > 100' };
  readFilterWrite.nodes.push({ id: 'write', type: 'sink.write_csv', version: 1, params: { path: 'out.csv' } });
  readFilterWrite.edges.push({ id: 'e_write', from: { node: 'n1', port: 'out' }, to: { node: 'write', port: 'in' } });
  const pipeline = parsePipeline(JSON.stringify(readFilterWrite), registry);
  if (!pipeline.ok) throw new Error(JSON.stringify(pipeline.problems));
  const engine = await median('runPipeline: read -> filter -> write (+ logs, previews)', () =>
    runPipeline(pipeline.pipeline, { runId: 'bench', registry, host: localHost(dir), onEvent: () => {} }),
  );
  console.log(`ratio engine / raw DuckDB: ${(engine / raw).toFixed(2)}x`);
  connection.closeSync();
  db.closeSync();

  const big = JSON.stringify(chain(1000));
  const validate = await median('validate a 1,000-node pipeline file', async () => {
    if (!parsePipeline(big, registry).ok) throw new Error('the 1,000-node chain should be valid');
  });
  console.log(`validation per node: ${((validate / 1000) * 1000).toFixed(1)} µs`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
