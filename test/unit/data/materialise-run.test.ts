import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineFile, RunEventOf } from '../../../node-library/contract';
import { isTable, table, type TableValue } from '../../../node-library/data/table';
import { localHost } from '../../../node-library/engine/host';
import { runPipeline } from '../../../node-library/engine/run-pipeline';
import { defineNode, type NodeDefinition } from '../../../node-library/nodes/define-node';
import { builtinNodes } from '../../../node-library/nodes/index';
import { createRegistry } from '../../../node-library/nodes/registry';
import { csvPipeline, eventRecorder, ordersCsv, tempDir, writeTempFile } from '../helpers';

/** What the probe node saw on its input, by run. */
const seen: string[] = [];

/** Deletes the CSV its input came from, then outputs a table over its input and a JSON summary. */
const probeNode = defineNode({
  type: 'test.probe',
  version: 1,
  title: 'Probe',
  category: 'Test',
  description: 'Records the SQL of its input.',
  inputs: [{ id: 'in', type: 'table' }],
  outputs: [
    { id: 'out', type: 'table' },
    { id: 'summary', type: 'json' },
  ],
  params: {},
  async run({ inputs, host }) {
    const input = inputs.in as TableValue;
    seen.push(input.sql);
    await rm(host.resolvePath('orders.csv'));
    return { out: table(`SELECT customer, amount * 2 AS double_amount FROM (${input.sql})`), summary: { checked: true, note: 'x'.repeat(20_000) } };
  },
});
const registry = createRegistry([...builtinNodes, probeNode as NodeDefinition]);

function probePipeline(): PipelineFile {
  const pipeline = csvPipeline('orders.csv', 'out/big.csv');
  pipeline.nodes.splice(1, 0, { id: 'probe', type: 'test.probe', version: 1, params: {} });
  // A second reader: a source read by one node stays its file's query, by several it is stored.
  pipeline.nodes.push({ id: 'copy', type: 'sink.write_csv', version: 1, params: { path: 'out/copy.csv' } });
  pipeline.edges = [
    { id: 'e0', from: { node: 'read', port: 'out' }, to: { node: 'probe', port: 'in' } },
    { id: 'e3', from: { node: 'read', port: 'out' }, to: { node: 'copy', port: 'in' } },
    { id: 'e1', from: { node: 'probe', port: 'out' }, to: { node: 'filter', port: 'in' } },
    { id: 'e2', from: { node: 'filter', port: 'out' }, to: { node: 'write', port: 'in' } },
  ];
  pipeline.nodes[2].params = { condition: 'double_amount > 300' };
  return pipeline;
}

describe('materialised tables and previews in a run', () => {
  it('stores a table output several nodes read once: they read the stored table, never the source file again', async () => {
    const dir = await tempDir();
    await writeTempFile(dir, 'orders.csv', ordersCsv);
    const recorder = eventRecorder();
    const outputs = new Map<string, Record<string, unknown>>();
    const state = await runPipeline(probePipeline(), { runId: 'm1', registry, host: localHost(dir), onEvent: recorder.onEvent, onOutputs: (id, o) => outputs.set(id, o), previewRows: 100 });

    expect(state).toBe('succeeded');
    expect(seen.at(-1)).toBe('SELECT * FROM "read__out"');
    // The CSV was deleted by the probe, yet everything after it ran: on the stored tables.
    expect(await readFile(path.join(dir, 'out/big.csv'), 'utf8')).toBe('customer,double_amount\nAda,500.0\nAlan,2400.0\n');
    expect(await readFile(path.join(dir, 'out/copy.csv'), 'utf8')).toBe('id,customer,amount\n1,Ada,250.0\n2,Grace,75.5\n3,Alan,1200.0\n4,Edsger,100.0\n');

    const previews = recorder.events.filter((e): e is RunEventOf<'node:preview'> => e.type === 'node:preview');
    expect(previews.map((p) => `${p.nodeId}.${p.port}`)).toEqual(['read.out', 'probe.out', 'probe.summary', 'filter.out']);
    expect(previews[0]).toMatchObject({
      columns: [{ name: 'id', type: 'BIGINT' }, { name: 'customer', type: 'VARCHAR' }, { name: 'amount', type: 'DOUBLE' }],
      rows: [[1, 'Ada', 250], [2, 'Grace', 75.5], [3, 'Alan', 1200], [4, 'Edsger', 100]],
      totalRows: 4,
    });
    expect(previews[1]).toMatchObject({ columns: [{ name: 'customer', type: 'VARCHAR' }, { name: 'double_amount', type: 'DOUBLE' }], totalRows: 4 });
    expect(previews[2]).toMatchObject({ columns: [], rows: [], totalRows: 1, value: { bytes: 20_026, truncated: true } });
    expect(previews[2].value!.text).toHaveLength(10 * 1024);
    expect(previews[3]).toMatchObject({ rows: [['Ada', 500], ['Alan', 2400]], totalRows: 2 });

    // What is kept for resume reads the sources, not this run's tables.
    const kept = outputs.get('filter')!.out as TableValue;
    expect(isTable(kept)).toBe(true);
    expect(kept.sql).not.toContain('"read__out"');
    expect(kept.sql).toContain('read_csv(');
    expect(outputs.get('probe')!.summary).toEqual({ checked: true, note: 'x'.repeat(20_000) });
  });

  it('resumes on kept outputs in a new run, whose database has none of the old tables', async () => {
    const dir = await tempDir();
    await writeTempFile(dir, 'orders.csv', ordersCsv);
    const outputs = new Map<string, Record<string, unknown>>();
    const pipeline = csvPipeline('orders.csv', 'out/big.csv');
    expect(await runPipeline(pipeline, { runId: 'r1', registry, host: localHost(dir), onEvent: () => {}, onOutputs: (id, o) => outputs.set(id, o) })).toBe('succeeded');
    await rm(path.join(dir, 'out'), { recursive: true });

    const reusable = new Map([...outputs].map(([id, o]) => [id, { runId: 'r1', outputs: o }]));
    const state = await runPipeline(pipeline, { runId: 'r2', registry, host: localHost(dir), onEvent: () => {}, partial: { mode: 'node', nodeId: 'write' }, reusable });
    expect(state).toBe('succeeded');
    expect(await readFile(path.join(dir, 'out/big.csv'), 'utf8')).toBe('id,customer,amount\n1,Ada,250.0\n3,Alan,1200.0\n');
  });
});
