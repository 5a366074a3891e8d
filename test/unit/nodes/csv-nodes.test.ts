import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../../node-library/data/duckdb-session';
import { table, type TableValue } from '../../../node-library/data/table';
import { localHost } from '../../../node-library/engine/host';
import type { NodeContext, NodeDefinition } from '../../../node-library/nodes/define-node';
import { paramsSchema } from '../../../node-library/nodes/params';
import { writeCsvNode } from '../../../node-library/nodes/sink/write-csv.node';
import { readCsvNode } from '../../../node-library/nodes/source/read-csv.node';
import { filterNode } from '../../../node-library/nodes/transform/filter.node';
import { ordersCsv, tempDir, writeTempFile } from '../helpers';

let data: DuckDbSession;
let dir: string;
let logs: string[];
beforeEach(async () => {
  data = new DuckDbSession();
  dir = await tempDir();
  logs = [];
});
afterEach(() => data.close());

/** Calls a node's run() directly, with params validated and defaulted as the engine does. */
function run(definition: NodeDefinition, params: Record<string, unknown>, inputs: Record<string, unknown> = {}) {
  const ctx: NodeContext = {
    nodeId: 'node_1',
    params: paramsSchema(definition.params).parse(params) as NodeContext['params'],
    inputs,
    runParams: {},
    attempt: 1,
    state: { get: () => undefined, set: () => {} },
    signal: new AbortController().signal,
    log: (message) => logs.push(message),
    data,
    host: localHost(dir),
  };
  return definition.run(ctx);
}

describe('source.read_csv', () => {
  it('reads a CSV relative to the pipeline folder, sniffing types', async () => {
    await writeTempFile(dir, 'orders.csv', ordersCsv);
    const { out } = await run(readCsvNode as NodeDefinition, { path: 'orders.csv' });
    const preview = await data.preview(out as TableValue, 10);
    expect(preview.totalRows).toBe(4);
    expect(preview.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['id:BIGINT', 'customer:VARCHAR', 'amount:DOUBLE']);
    expect(logs).toEqual(['read 4 rows from orders.csv']);
  });

  it('honours the delimiter and a header-less file', async () => {
    await writeTempFile(dir, 'semi.csv', '1;x\n2;y\n');
    const { out } = await run(readCsvNode as NodeDefinition, { path: 'semi.csv', delimiter: ';', header: false });
    expect((await data.preview(out as TableValue, 10)).rows).toEqual([[1, 'x'], [2, 'y']]);
  });

  it('fails with a message naming the missing file', async () => {
    await expect(run(readCsvNode as NodeDefinition, { path: 'missing.csv' })).rejects.toThrow(/missing\.csv/);
  });
});

describe('transform.filter', () => {
  it('keeps the rows where the condition holds, lazily as SQL', async () => {
    const input = table(`SELECT * FROM (VALUES (1, 50), (2, 150), (3, 300)) t(id, amount)`);
    const { out } = await run(filterNode as NodeDefinition, { condition: 'amount > 100' }, { in: input });
    expect((out as TableValue).sql).toContain('WHERE amount > 100');
    expect((await data.preview(out as TableValue, 10)).rows).toEqual([[2, 150], [3, 300]]);
    expect(logs).toEqual(['kept 2 rows where amount > 100']);
  });

  it('fails on a condition that names a missing column', async () => {
    const input = table(`SELECT 1 AS id`);
    await expect(run(filterNode as NodeDefinition, { condition: 'price > 1' }, { in: input })).rejects.toThrow(/price/);
  });
});

describe('sink.write_csv', () => {
  it('writes a header and every row, creating the folder', async () => {
    const input = table(`SELECT * FROM (VALUES (1, 'a,b'), (2, 'c')) t(id, name)`);
    const { file } = await run(writeCsvNode as NodeDefinition, { path: 'out/deep/result.csv' }, { in: input });
    const written = path.join(dir, 'out/deep/result.csv');
    expect(file).toBe(written);
    expect(await readFile(written, 'utf8')).toBe('id,name\n1,"a,b"\n2,c\n');
    expect(logs).toEqual(['wrote 2 rows to out/deep/result.csv']);
  });
});
