import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localHost } from '../../../node-library/engine/host';
import { runPipeline } from '../../../node-library/engine/run-pipeline';
import { createRegistry } from '../../../node-library/nodes/registry';
import { csvPipeline, eventRecorder, ordersCsv, tempDir, writeTempFile } from '../helpers';

/** A run without previews (previewRows 0): sources stay lazy and the chain runs as one query in the sink. */
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
    // With previews every output is stored, so the read node fails itself.
    const stored = await run(ragged, 100);
    expect(stored.recorder.statesOf('read').at(-1)).toBe('failed');
  });
});
