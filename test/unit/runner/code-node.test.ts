import { describe, expect, it } from 'vitest';
import { parsePipeline } from '../../../node-library/model/load';
import { codeNode, pipelineOf, registry, runCode } from './code-harness';

describe('code.ts nodes', () => {
  it('reads table rows lazily and returns rows that become a typed table', async () => {
    const code = [
      'export default async function run({ inputs, log }) {',
      '  const out = [];',
      '  for (const row of inputs.in) if (row.amount > 100) out.push({ id: row.id, double: row.amount * 1.5, name: row.name.toUpperCase() });',
      '  console.log("kept", out.length, "of", inputs.in.length);',
      '  log.warn("careful");',
      '  return { out };',
      '}',
    ].join('\n');
    const run = await runCode(pipelineOf([codeNode('code', code)], "SELECT * FROM (VALUES (1, 250.5, 'ada'), (2, 75.0, 'grace'), (3, 1200.0, 'alan')) t(id, amount, name)"));
    expect(run.error('code')).toBeUndefined();
    expect(run.state).toBe('succeeded');
    expect(run.preview('code')).toMatchObject({ columns: [{ name: 'id', type: 'INTEGER' }, { name: 'double', type: 'DOUBLE' }, { name: 'name', type: 'VARCHAR' }], rows: [[1, 375.75, "ADA"], [3, 1800, "ALAN"]], totalRows: 2 });
    expect(run.logs('code')).toEqual([{ level: 'info', message: 'kept 2 of 3' }, { level: 'warn', message: 'careful' }]);
  });
});

describe('code nodes with declared ports', () => {
  const ports = {
    inputs: [{ id: 'orders', type: 'table' as const }, { id: 'limits', type: 'json' as const, optional: true }],
    outputs: [{ id: 'big', type: 'table' as const }, { id: 'same', type: 'table' as const }, { id: 'summary', type: 'json' as const }],
  };
  const code = [
    'export default async function run({ inputs, params, state }) {',
    "  const seen = (await state.get('seen')) ?? 0;",
    "  await state.set('seen', seen + inputs.orders.length);",
    '  const big = inputs.orders.toArray().filter((o) => o.amount >= params.threshold);',
    '  return { big, same: inputs.orders, summary: { seen, columns: inputs.orders.columns, limits: inputs.limits ?? null } };',
    '}',
  ].join('\n');

  const pipeline = () => {
    const p = pipelineOf([{ id: 'orders', type: 'transform.sql', version: 1, params: { query: "SELECT * FROM (VALUES (1, 10::BIGINT, DATE '2024-01-02', true), (2, 9007199254740993::BIGINT, NULL, false)) t(id, amount, day, paid)" } }, codeNode('split', code, { ports })]);
    p.params = { threshold: { type: 'number', default: 20 } };
    p.edges = [{ id: 'e1', from: { node: 'orders', port: 'out' }, to: { node: 'split', port: 'orders' } }];
    return p;
  };

  it('reads every declared input, fills every declared output, and keeps state between runs', async () => {
    const state = new Map<string, unknown>();
    await runCode(pipeline(), { state, params: { threshold: 20 } });
    const run = await runCode(pipeline(), { state, params: { threshold: 20 } });
    expect(run.error('split')).toBeUndefined();
    // A BIGINT beyond 2^53 stays exact as a bigint; dates cross as ISO text.
    expect(run.preview('split', 'big')).toMatchObject({ columns: [{ name: 'id', type: 'INTEGER' }, { name: 'amount', type: 'BIGINT' }, { name: 'day', type: 'VARCHAR' }, { name: 'paid', type: 'BOOLEAN' }], rows: [[2, '9007199254740993', null, false]] });
    // An input handed back as it is stays the same table, with its own types.
    expect(run.preview('split', 'same')).toMatchObject({ columns: [{ name: 'id', type: 'INTEGER' }, { name: 'amount', type: 'BIGINT' }, { name: 'day', type: 'DATE' }, { name: 'paid', type: 'BOOLEAN' }], totalRows: 2 });
    expect(JSON.parse(run.preview('split', 'summary')!.value!.text)).toEqual({ seen: 2, columns: ['id', 'amount', 'day', 'paid'], limits: null });
    expect(state.get('seen')).toBe(4);
  });

  it('fails when the code leaves a declared output empty', async () => {
    const p = pipeline();
    p.nodes[1].code = ['export default async function run({ inputs }) { return { big: [], same: inputs.orders } }'];
    const run = await runCode(p);
    expect(run.error('split')?.message).toBe('Error: returned no value for output summary: return { summary: ... }');
  });

  it('runs JavaScript in code.js nodes', async () => {
    const node = { ...codeNode('js', 'export default function run({ inputs }) { return { out: [{ total: inputs.in.column("n").reduce((a, b) => a + b, 0) }] } }'), type: 'code.js' };
    const run = await runCode(pipelineOf([node], 'SELECT range AS n FROM range(5)'));
    expect(run.preview('js')?.rows).toEqual([[10]]);
  });
});

describe('validating code nodes', () => {
  const base = () => {
    const p = pipelineOf([
      { id: 'numbers', type: 'transform.sql', version: 1, params: { query: 'SELECT 1 AS n' } },
      { id: 'settings', type: 'source.param', version: 1, params: { name: 'x' } },
      codeNode('code', 'export default async function run() { return { result: 1 } }', {
        ports: { inputs: [{ id: 'numbers', type: 'table' }, { id: 'settings', type: 'table' }], outputs: [{ id: 'result', type: 'json' }] },
      }),
      { id: 'after', type: 'transform.sql', version: 1, params: { query: 'SELECT * FROM in1' } },
    ]);
    p.params = { x: { type: 'string', default: 'a' } };
    return p;
  };
  const problems = (p: ReturnType<typeof base>) => {
    const result = parsePipeline(JSON.stringify(p), registry);
    return result.ok ? [] : result.problems.map((problem) => problem.message);
  };

  it('checks edges against the ports the node declares, not the type defaults', () => {
    const p = base();
    p.edges = [
      { id: 'e1', from: { node: 'numbers', port: 'out' }, to: { node: 'code', port: 'numbers' } },
      { id: 'e2', from: { node: 'code', port: 'out' }, to: { node: 'after', port: 'in1' } },
      { id: 'e3', from: { node: 'numbers', port: 'out' }, to: { node: 'code', port: 'in' } },
    ];
    expect(problems(p)).toEqual([
      'edge e2: node code has no output port out',
      'edge e3: node code has no input port in',
      'node code: input settings is not connected',
    ]);
  });

  it('refuses an edge whose port types do not match the declared port', () => {
    const p = base();
    p.edges = [
      { id: 'e1', from: { node: 'numbers', port: 'out' }, to: { node: 'code', port: 'numbers' } },
      { id: 'e2', from: { node: 'settings', port: 'out' }, to: { node: 'code', port: 'settings' } },
      { id: 'e3', from: { node: 'code', port: 'result' }, to: { node: 'after', port: 'in1' } },
    ];
    expect(problems(p)).toEqual(['edge e2 into node code: json output cannot feed a table input', 'edge e3 into node after: json output cannot feed a table input']);
  });

  it('lists code.ts and code.js with editable ports and the default in/out ports', () => {
    const infos = registry.list().filter((t) => t.type.startsWith('code.'));
    expect(infos.map(({ type, editablePorts, inputs, outputs }) => ({ type, editablePorts, inputs, outputs }))).toEqual(
      ['code.ts', 'code.js'].map((type) => ({ type, editablePorts: true, inputs: [{ id: 'in', type: 'table', optional: true }], outputs: [{ id: 'out', type: 'table' }] })),
    );
  });
});

describe('table memory reused from call to call', () => {
  // Big enough to cross as files and to be read into kept buffers (256 KB and up).
  const labelled = (rows: number, seed: number) => `SELECT i AS id, CASE WHEN i % 7 = 0 THEN NULL ELSE 'label-' || (i * ${seed}) END AS label FROM range(${rows}) t(i)`;
  const summarise = [
    'export default async function run({ inputs }) {',
    '  let ids = 0, chars = 0, nulls = 0;',
    '  for (const row of inputs.in) { ids += row.id; if (row.label === null) nulls++; else chars += row.label.length; }',
    '  return { out: [{ rows: inputs.in.length, ids, chars, nulls, last: inputs.in.get(inputs.in.length - 1).label }] };',
    '}',
  ].join('\n');
  const expected = (rows: number, seed: number) => {
    let chars = 0, nulls = 0;
    for (let i = 0; i < rows; i++) {
      if (i % 7 === 0) nulls++;
      else chars += `label-${i * seed}`.length;
    }
    const last = (rows - 1) % 7 === 0 ? null : `label-${(rows - 1) * seed}`;
    return [rows, (rows * (rows - 1)) / 2, chars, nulls, last];
  };

  it('reads each run its own rows, a smaller table after a bigger one too', async () => {
    for (const [rows, seed] of [[60_000, 3], [25_000, 11], [60_001, 5]]) {
      const run = await runCode(pipelineOf([codeNode('code', summarise)], labelled(rows, seed)));
      expect(run.error('code')).toBeUndefined();
      expect(run.preview('code')?.rows).toEqual([expected(rows, seed)]);
    }
  });

  it('stores each run its own returned rows', async () => {
    for (const [rows, seed] of [[60_000, 3], [25_000, 11]]) {
      const p = pipelineOf([codeNode('code', 'export default async function run({ inputs }) { return { out: inputs.in.toArray() } }')], labelled(rows, seed));
      p.nodes.push({ id: 'check', type: 'transform.sql', version: 1, params: { query: 'SELECT count(*) AS n, sum(id) AS ids, sum(length(label)) AS chars, count(*) - count(label) AS nulls FROM in1' } });
      p.edges.push({ id: 'e_check', from: { node: 'code', port: 'out' }, to: { node: 'check', port: 'in1' } });
      const run = await runCode(p);
      expect(run.error('check')).toBeUndefined();
      const [n, ids, chars, nulls] = expected(rows, seed);
      expect(run.preview('check')?.rows).toEqual([[n, ids, chars, nulls]]);
    }
  });

  it('fails loudly, not with empty rows, when code reads an input it kept from an earlier call', async () => {
    const code = [
      'export default async function run({ inputs }) {',
      '  let error = "";',
      '  try { globalThis.kept?.toArray(); } catch (e) { error = e.message; }',
      '  globalThis.kept = inputs.in;',
      '  return { out: [{ error }] };',
      '}',
    ].join('\n');
    const errors: string[] = [];
    // Runners are reused: by the third run at the latest one of them has run the code before.
    for (let i = 0; i < 3 && !errors.some(Boolean); i++) errors.push((await runCode(pipelineOf([codeNode('code', code)], labelled(60_000, 1)))).preview('code')?.rows?.[0]?.[0] as string);
    expect(errors.find(Boolean)).toMatch(/this table was an input of an earlier call, and its memory is reused/);
    // Handed back as an output of a later call, it fails that call the same way.
    const p = pipelineOf([codeNode('code', 'export default async function run() { return { out: globalThis.kept } }')], labelled(10, 1));
    // A runner that never kept one returns nothing, which fails otherwise.
    const stale = /this table was an input of an earlier call/;
    const failures: string[] = [];
    for (let i = 0; i < 3 && !failures.some((f) => stale.test(f)); i++) failures.push((await runCode(p)).error('code')?.message ?? '');
    expect(failures.find((f) => stale.test(f))).toBeDefined();
  });
});
