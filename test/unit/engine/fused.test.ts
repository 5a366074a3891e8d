import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localHost } from '../../../node-library/engine/host';
import { runPipeline } from '../../../node-library/engine/run-pipeline';
import type { PipelineFile } from '../../../node-library/contract';
import { defineNode } from '../../../node-library/nodes/define-node';
import { builtinNodes } from '../../../node-library/nodes/index';
import { createRegistry } from '../../../node-library/nodes/registry';
import { csvPipeline, eventRecorder, ordersCsv, tempDir, writeTempFile } from '../helpers';

/** A run without previews (previewRows 0): sources are not read through, and the chain runs as one query in the sink. */
describe('runs without previews', () => {
  async function run(csv: string, previewRows: number) {
    const dir = await tempDir();
    const input = await writeTempFile(dir, 'in.csv', csv);
    const recorder = eventRecorder();
    const state = await runPipeline(csvPipeline(input, 'out.csv'), { runId: 'r', registry: createRegistry(), host: localHost(dir), previewRows, onEvent: recorder.onEvent });
    return { state, recorder, output: () => readFile(path.join(dir, 'out.csv'), 'utf8') };
  }

  it('writes the same rows and emits no previews', async () => {
    const fused = await run(ordersCsv, 0);
    const stored = await run(ordersCsv, 100);
    expect([fused.state, stored.state]).toEqual(['succeeded', 'succeeded']);
    expect(await fused.output()).toBe(await stored.output());
    expect(fused.recorder.events.filter((e) => e.type === 'node:preview')).toEqual([]);
    // read and filter have table outputs; the sink has none.
    expect(stored.recorder.events.filter((e) => e.type === 'node:preview').length).toBe(2);
  });

  it('leaves the file unread until a node needs its rows: a bad row fails that node, naming the line', async () => {
    // Past the rows DuckDB samples for the schema, which a lazy source still checks.
    const good = Array.from({ length: 50_000 }, (_, i) => `${i},name${i},${i % 500}`).join('\n');
    const ragged = `id,customer,amount\n${good}\n50000,Grace\n`;
    const fused = await run(ragged, 0);
    expect(fused.state).toBe('failed');
    expect([fused.recorder.statesOf('read').at(-1), fused.recorder.statesOf('filter').at(-1), fused.recorder.statesOf('write').at(-1)]).toEqual(['succeeded', 'succeeded', 'failed']);
    const error = fused.recorder.events.find((e) => e.type === 'node:state' && e.nodeId === 'write' && e.state === 'failed');
    expect(error?.type === 'node:state' && error.error?.message).toMatch(/line:? 50002/i);
    // With previews the read node reads the file through, so it fails itself.
    const stored = await run(ragged, 100);
    expect(stored.recorder.statesOf('read').at(-1)).toBe('failed');
  });
});

type NodeSpec = { id: string; type: string; params: Record<string, unknown> };

/** A source whose `out` port feeds the `in` port of each reader. */
function fanOut(source: NodeSpec, readers: NodeSpec[]): PipelineFile {
  return {
    format: 'pipewright/pipeline@1',
    id: 'fan-out',
    name: 'Fan-out',
    description: '',
    params: {},
    nodes: [source, ...readers].map((node) => ({ ...node, version: 1 })),
    edges: readers.map((r) => ({ id: `e-${r.id}`, from: { node: source.id, port: 'out' }, to: { node: r.id, port: 'in' } })),
    layout: {},
  };
}

/** A CSV source stays its file's query with previews too, unless several nodes read it. */
describe('a lazy source in a run with previews', () => {
  const seen = new Map<string, string>();
  const probe = defineNode({
    type: 'test.probe',
    version: 1,
    title: 'Probe',
    category: 'Test',
    description: 'Notes the SQL of the table it is given.',
    inputs: [{ id: 'in', type: 'table' }],
    outputs: [],
    params: {},
    async run({ nodeId, inputs }) {
      seen.set(nodeId, (inputs.in as { sql: string }).sql);
      return {};
    },
  });

  async function run(probes: string[]) {
    seen.clear();
    const dir = await tempDir();
    const input = await writeTempFile(dir, 'in.csv', ordersCsv);
    const pipeline = fanOut({ id: 'read', type: 'source.read_csv', params: { path: input } }, probes.map((id) => ({ id, type: 'test.probe', params: {} })));
    const recorder = eventRecorder();
    const state = await runPipeline(pipeline, { runId: 'r', registry: createRegistry([...builtinNodes, probe]), host: localHost(dir), onEvent: recorder.onEvent });
    return { state, recorder };
  }

  it('reaches its one reader as the query, its dialect and types pinned, and is still previewed with its count', async () => {
    const { state, recorder } = await run(['probe']);
    expect(state).toBe('succeeded');
    expect(seen.get('probe')).toMatch(/^SELECT \* FROM read_csv\('.*in\.csv', .*auto_detect = false, .*columns = \{'id': 'BIGINT', 'customer': 'VARCHAR', 'amount': 'DOUBLE'\}\)$/);
    const preview = recorder.events.find((e) => e.type === 'node:preview' && e.nodeId === 'read');
    expect(preview?.type === 'node:preview' && [preview.totalRows, preview.rows?.length]).toEqual([4, 4]);
  });

  it('is stored once when two nodes read it, and both read the stored table', async () => {
    const { state } = await run(['a', 'b']);
    expect(state).toBe('succeeded');
    expect([seen.get('a'), seen.get('b')]).toEqual(['SELECT * FROM "read__out"', 'SELECT * FROM "read__out"']);
  });
});

/** What a lazy source hears of the filters that read it. */
describe('row conditions for a lazy source', () => {
  let heard: string[] | undefined;
  const source = defineNode({
    type: 'test.lazy_source',
    version: 1,
    title: 'Lazy source',
    category: 'Test',
    description: 'A lazy table of three rows that notes the conditions it is given.',
    inputs: [],
    outputs: [{ id: 'out', type: 'table' }],
    params: {},
    lazy: true,
    async run({ readerConditions }) {
      heard = readerConditions;
      return { out: { kind: 'table', sql: 'SELECT * FROM range(3) t(n)' } };
    },
  });

  async function run(readers: NodeSpec[], previewRows = 100) {
    heard = undefined;
    const pipeline = fanOut({ id: 'src', type: 'test.lazy_source', params: {} }, readers);
    const recorder = eventRecorder();
    const state = await runPipeline(pipeline, { runId: 'r', registry: createRegistry([...builtinNodes, source]), host: localHost(await tempDir()), onEvent: recorder.onEvent, previewRows, params: { limit: 1 } });
    return { state, recorder };
  }

  it('gets the condition of its one reader, a filter, with run parameters bound, and the filter counts right', async () => {
    const { state, recorder } = await run([{ id: 'f', type: 'transform.filter', params: { condition: 'n >= $min', values: { min: { $param: 'limit' } } } }]);
    expect(recorder.events.filter((e) => e.type === 'node:state' && e.error).map((e) => e.type === 'node:state' && e.error?.message)).toEqual([]);
    expect(state).toBe('succeeded');
    expect(heard).toEqual(['(n >= 1\n)']);
    const preview = recorder.events.find((e) => e.type === 'node:preview' && e.nodeId === 'f');
    expect(preview?.type === 'node:preview' && preview.totalRows).toBe(2);
  });

  it('gets none when it is stored for several readers, when nobody previews, or from nodes that are not filters', async () => {
    await run([{ id: 'a', type: 'transform.filter', params: { condition: 'n > 0' } }, { id: 'b', type: 'transform.filter', params: { condition: 'n > 1' } }]);
    expect(heard).toEqual([]);
    await run([{ id: 'f', type: 'transform.filter', params: { condition: 'n > 0' } }], 0);
    expect(heard).toEqual([]);
    await run([{ id: 's', type: 'transform.sort', params: { columns: ['n'], direction: 'desc' } }]);
    expect(heard).toEqual([]);
  });
});
