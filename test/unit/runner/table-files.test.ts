import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsToIpc } from '../../../node-library/runner/arrow-columns';
import { RunnerPool, type PoolCall } from '../../../node-library/runner/pool';
import { fromWire, inlineTableBytes, toWire } from '../../../node-library/runner/table-files';
import { TableRows } from '../../../node-library/runner/table-rows';
import { transpile } from '../../../node-library/runner/transpile';
import { tempDir } from '../helpers';

const pool = new RunnerPool({ maxRunners: 1 });
afterAll(() => pool.close());

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, name: `row number ${i}` }));

async function echo(input: ReturnType<typeof rowsToIpc>, body: string) {
  const compiled = await transpile(`export default async function run({ inputs, workDir }) {\n${body}\n}`, 'js', 'echo.js');
  const call: PoolCall = {
    code: compiled.code, codeKey: compiled.key, sourceMap: compiled.sourceMap, fileName: 'echo.js',
    inputs: { in: input }, tablePorts: ['in'], outputs: [{ id: 'out', type: 'table' }, { id: 'info', type: 'json' }], params: {}, secrets: {},
  };
  return pool.run({ heapMb: 256, readPaths: [] }, call, { log: () => {}, stateGet: () => undefined, stateSet: () => {} }, { timeoutMs: 10_000, rssBytes: 2 ** 30 });
}

describe('tables crossing to a runner', () => {
  it('ride in the message when small and go through a file when large', async () => {
    const dir = await tempDir();
    const small = toWire(rowsToIpc(rows(10)), path.join(dir, 'call-1'), 'in-0');
    expect(small.kind).toBe('arrow');
    const large = toWire(rowsToIpc(rows(20_000)), path.join(dir, 'call-2'), 'in-0');
    expect(large).toEqual({ kind: 'arrow-file', path: path.join(dir, 'call-2-tables', 'in-0.arrow') });
    expect(TableRows.fromIpc(fromWire(large, (size) => new Uint8Array(size))).get(19_999)).toEqual({ id: 19_999, name: 'row number 19999' });
  });

  it('keep every row both ways when large, and leave no file behind', async () => {
    const input = rowsToIpc(rows(20_000));
    expect(input.reduce((n, piece) => n + piece.byteLength, 0)).toBeGreaterThan(inlineTableBytes);
    const [out, info] = await echo(input, 'const rows = inputs.in.toArray(); return { out: rows.reverse(), info: { length: inputs.in.length, first: rows[0], workDir } };');
    const { workDir, ...seen } = info.value as { workDir: string };
    expect(seen).toEqual({ length: 20_000, first: { id: 19_999, name: 'row number 19999' } });
    expect(out.table?.kind).toBe('arrow');
    const back = TableRows.fromIpc((out.table as { bytes: Uint8Array }).bytes);
    expect([back.length, back.get(0), back.get(19_999)]).toEqual([20_000, { id: 19_999, name: 'row number 19999' }, { id: 0, name: 'row number 0' }]);
    expect(readdirSync(path.dirname(workDir)).filter((name) => name.endsWith('-tables'))).toEqual([]);
  });
});
