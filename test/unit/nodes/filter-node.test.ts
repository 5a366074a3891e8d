import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../../node-library/data/duckdb-session';
import { table, type TableValue } from '../../../node-library/data/table';
import { localHost } from '../../../node-library/engine/host';
import type { NodeContext, NodeDefinition } from '../../../node-library/nodes/define-node';
import { paramsSchema } from '../../../node-library/nodes/params';
import { filterNode } from '../../../node-library/nodes/transform/filter.node';
import { tempDir } from '../helpers';

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
    node: { id: 'node_1', type: definition.type, version: definition.version, params },
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

describe('transform.filter', () => {
  it('keeps the rows where the condition holds, as a view over its input (never a copy)', async () => {
    const input = table(`SELECT * FROM (VALUES (1, 50), (2, 150), (3, 300)) t(id, amount)`);
    const { out } = await run(filterNode as NodeDefinition, { condition: 'amount > 100' }, { in: input });
    expect((out as TableValue).sql).toBe(`SELECT * FROM (${input.sql}) WHERE (amount > 100\n)`);
    expect(filterNode.view).toBe(true);
    expect((await data.preview(out as TableValue, 10)).rows).toEqual([[2, 150], [3, 300]]);
    expect(logs).toEqual(['kept 2 rows where amount > 100']);
  });

  it('fails on a condition that names a missing column', async () => {
    const input = table(`SELECT 1 AS id`);
    await expect(run(filterNode as NodeDefinition, { condition: 'price > 1' }, { in: input })).rejects.toThrow(/price/);
  });
});
