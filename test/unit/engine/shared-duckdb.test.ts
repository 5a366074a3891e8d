import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PipelineFile, RunEvent } from '../../../node-library/contract';
import { localHost } from '../../../node-library/engine/host';
import { runPipeline } from '../../../node-library/engine/run-pipeline';
import { createRegistry } from '../../../node-library/nodes/registry';
import { csvPipeline, tempDir, writeTempFile } from '../helpers';

const registry = createRegistry();

/** read -> (filter -> write, copy): the source is read by two nodes, so each run stores a table "read__out" in its database. */
function pipeline(input: string, condition: string): PipelineFile {
  const p = csvPipeline(input, 'out.csv', condition);
  p.nodes.push({ id: 'copy', type: 'sink.write_csv', version: 1, params: { path: 'copy.csv' } });
  p.edges.push({ id: 'e3', from: { node: 'read', port: 'out' }, to: { node: 'copy', port: 'in' } });
  return p;
}

/** Runs of one process share a DuckDB instance: each has a database of its own, so tables of the same name never meet. */
describe('runs sharing the process DuckDB instance', () => {
  it('run at once with the same table names and each writes its own rows', async () => {
    const dirs = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const sizes = [3000, 5000, 7000];
    await Promise.all(dirs.map((dir, k) => writeTempFile(dir, 'in.csv', `n,run\n${Array.from({ length: sizes[k] }, (_, i) => `${i},${k}`).join('\n')}\n`)));
    const states = await Promise.all(dirs.map((dir) => runPipeline(pipeline('in.csv', 'n % 1000 = 0'), { runId: `r-${dir}`, registry, host: localHost(dir), onEvent: () => {} })));
    expect(states).toEqual(['succeeded', 'succeeded', 'succeeded']);
    for (const [k, dir] of dirs.entries()) {
      const expected = Array.from({ length: sizes[k] / 1000 }, (_, i) => `${i * 1000},${k}`);
      expect(await readFile(path.join(dir, 'out.csv'), 'utf8')).toBe(`n,run\n${expected.join('\n')}\n`);
      expect((await readFile(path.join(dir, 'copy.csv'), 'utf8')).trim().split('\n')).toHaveLength(sizes[k] + 1);
    }
  });

  it('leaves nothing of a cancelled run in the way of the next one', async () => {
    const dir = await tempDir();
    await writeTempFile(dir, 'in.csv', `n,run\n${Array.from({ length: 300_000 }, (_, i) => `${i},x`).join('\n')}\n`);
    const controller = new AbortController();
    const onEvent = (e: RunEvent) => {
      if (e.type === 'node:state' && e.nodeId === 'filter' && e.state === 'running') controller.abort();
    };
    const cancelled = await runPipeline(pipeline('in.csv', 'n % 7 = 0'), { runId: 'c1', registry, host: localHost(dir), onEvent, signal: controller.signal });
    expect(cancelled).toBe('cancelled');
    const next = await runPipeline(pipeline('in.csv', 'n = 299999'), { runId: 'c2', registry, host: localHost(dir), onEvent: () => {} });
    expect(next).toBe('succeeded');
    expect(await readFile(path.join(dir, 'out.csv'), 'utf8')).toBe('n,run\n299999,x\n');
  });
});
