// Executor overhead with full bookkeeping: no-op DAGs of 10,000 nodes, mapping, log throughput.
// Every run goes through RunService, so each event is persisted to a real SQLite file.
// Each figure is the median after two warm-up runs; the first run's time is printed too.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PipelineFile } from '../../node-library/contract';
import { RunService } from '../../node-library/backend/run-service';
import { planRun } from '../../node-library/engine/plan';
import { defineNode, type NodeDefinition } from '../../node-library/nodes/define-node';
import { builtinNodes } from '../../node-library/nodes/index';
import { createRegistry } from '../../node-library/nodes/registry';

const N = 10_000;
type Nodes = PipelineFile['nodes'];
type Edges = PipelineFile['edges'];

const logSpam = defineNode({
  type: 'bench.log', version: 1, title: 'Log spam', category: 'Bench', description: 'Logs `lines` lines.',
  inputs: [], outputs: [{ id: 'out', type: 'json' }], params: {},
  async run({ log }) {
    for (let i = 0; i < 200_000; i++) log(`line ${i} of the log throughput benchmark`);
    return { out: null };
  },
});
const items = defineNode({
  type: 'bench.items', version: 1, title: 'Items', category: 'Bench', description: 'A list of N numbers.',
  inputs: [], outputs: [{ id: 'out', type: 'json' }], params: {},
  async run() {
    return { out: Array.from({ length: N }, (_, i) => i) };
  },
});
const registry = createRegistry([...builtinNodes, logSpam as NodeDefinition, items as NodeDefinition]);

const pipeline = (id: string, nodes: Nodes, edges: Edges): PipelineFile => ({ format: 'pipewright/pipeline@1', id, name: id, description: '', params: {}, nodes, edges, layout: {} });
const noop = (id: string, extra: Partial<Nodes[number]> = {}): Nodes[number] => ({ id, type: 'util.noop', version: 1, params: {}, ...extra });
const edge = (i: number, from: string, to: string, port = 'in') => ({ id: `e${i}`, from: { node: from, port: 'out' }, to: { node: to, port } });

function chain(): PipelineFile {
  const nodes = Array.from({ length: N }, (_, i) => noop(`n${i}`));
  return pipeline('chain', nodes, nodes.slice(1).map((n, i) => edge(i, `n${i}`, n.id)));
}
function fanOut(): PipelineFile {
  const nodes = Array.from({ length: N }, (_, i) => noop(`n${i}`));
  return pipeline('fan-out', nodes, nodes.slice(1).map((n, i) => edge(i, 'n0', n.id)));
}
/** Layers of 100; each node waits on two nodes of the layer before it. */
function diamond(): PipelineFile {
  const width = 100;
  const nodes = Array.from({ length: N }, (_, i) => noop(`n${i}`));
  const edges: Edges = [];
  for (let i = width; i < N; i++) {
    const base = i - width - (i % width);
    edges.push(edge(edges.length, `n${base + (i % width)}`, `n${i}`, 'in'));
    edges.push(edge(edges.length, `n${base + ((i + 1) % width)}`, `n${i}`, 'after'));
  }
  return pipeline('diamond', nodes, edges);
}
function mapped(batch: boolean): PipelineFile {
  const nodes: Nodes = [{ id: 'items', type: 'bench.items', version: 1, params: {} }];
  for (let i = 1; i <= 5; i++) nodes.push(noop(`step${i}`, batch ? {} : { mapOver: 'in' }));
  return pipeline(batch ? 'batch' : 'mapped', nodes, nodes.slice(1).map((n, i) => edge(i, nodes[i].id, n.id)));
}

async function timeRun(runs: RunService, p: PipelineFile): Promise<number> {
  const start = performance.now();
  const { done } = runs.start({ pipeline: p, source: path.join(os.tmpdir(), 'bench.json'), trigger: 'cli' });
  const state = await done;
  runs.store.flush();
  const ms = performance.now() - start;
  if (state !== 'succeeded') throw new Error(`${p.id} ${state}`);
  return ms;
}

/** The median of `repeats` runs after two warm-up runs (the app runs in a long-lived process); the first run's time too. */
async function median(runs: RunService, p: PipelineFile, repeats = 9): Promise<{ ms: number; firstMs: number }> {
  const firstMs = await timeRun(runs, p);
  await timeRun(runs, p);
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push(await timeRun(runs, p));
  return { ms: times.sort((a, b) => a - b)[Math.floor(repeats / 2)], firstMs };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'pipewright-bench-'));
try {
  // No log cap: the log figure measures the store's throughput.
  const runs = new RunService({ registry, dataDir: dir, logCap: Number.POSITIVE_INFINITY });
  const line = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);
  for (const make of [chain, fanOut, diamond]) {
    const p = make();
    const planStart = performance.now();
    planRun(p);
    const planMs = performance.now() - planStart;
    const { ms, firstMs } = await median(runs, p);
    line(`${p.id}: ${N.toLocaleString('en')} no-op nodes, events + SQLite (median of 9)`, `${ms.toFixed(1)} ms, ${((ms * 1000) / N).toFixed(2)} µs/node (plan ${planMs.toFixed(1)} ms; first run ${firstMs.toFixed(0)} ms)`);
  }
  // Per node: from its running event to its succeeded one, as a listener of the run service sees them.
  const started = new Map<string, number>();
  const spans: number[] = [];
  const stopListening = runs.onEvent((event) => {
    if (event.type !== 'node:state') return;
    if (event.state === 'running') started.set(event.nodeId, performance.now());
    else if (event.state === 'succeeded') spans.push(performance.now() - started.get(event.nodeId)!);
  });
  await timeRun(runs, chain());
  stopListening();
  spans.sort((a, b) => a - b);
  const at = (q: number) => (spans[Math.floor(q * (spans.length - 1))] * 1000).toFixed(1);
  line('per no-op node in the chain, running -> succeeded', `p50 ${at(0.5)} µs, p99 ${at(0.99)} µs`);
  const mapped1 = await median(runs, mapped(false), 5);
  line(`mapping: ${N.toLocaleString('en')} items x 5 nodes, item by item`, `${mapped1.ms.toFixed(1)} ms, ${((mapped1.ms * 1000) / (N * 5)).toFixed(2)} µs/item-node (first run ${mapped1.firstMs.toFixed(0)} ms)`);
  const batch = await median(runs, mapped(true), 5);
  line(`mapping: ${N.toLocaleString('en')} items x 5 nodes, as one batch`, `${batch.ms.toFixed(1)} ms`);
  const logMs = await timeRun(runs, pipeline('logs', [{ id: 'spam', type: 'bench.log', version: 1, params: {} }], []));
  line('logs: 200,000 lines emitted and stored', `${logMs.toFixed(1)} ms, ${Math.round(200_000 / (logMs / 1000)).toLocaleString('en')} lines/s`);
  await runs.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
