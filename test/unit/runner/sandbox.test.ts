import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers';
import { codeNode, pipelineOf, runCode } from './code-harness';

/** Runs code that returns `{ out: <json> }` on a json port and gives back that value. */
async function jsonResult(body: string, extra: Parameters<typeof codeNode>[2] = {}, options: Parameters<typeof runCode>[1] = {}) {
  const ports = { inputs: [], outputs: [{ id: 'out', type: 'json' as const }] };
  const run = await runCode(pipelineOf([codeNode('probe', `export default async function run(ctx) {\n${body}\n}`, { ports, ...extra })]), options);
  expect(run.error('probe')).toBeUndefined();
  return JSON.parse(run.preview('probe')!.value!.text) as unknown;
}

describe('what code in a runner may touch', () => {
  it('cannot read files outside its work folder, nor write there', async () => {
    const result = await jsonResult(`
      const fs = await import('node:fs');
      const path = await import('node:path');
      const attempt = (f) => { try { f(); return 'allowed'; } catch (e) { return e.code; } };
      return { out: {
        readEtc: attempt(() => fs.readFileSync('/etc/hostname')),
        writeTmp: attempt(() => fs.writeFileSync('/tmp/pipewright-escape.txt', 'x')),
        writeWork: attempt(() => fs.writeFileSync(path.join(ctx.workDir, 'scratch.txt'), 'x')),
      } };`);
    expect(result).toEqual({ readEtc: 'ERR_ACCESS_DENIED', writeTmp: 'ERR_ACCESS_DENIED', writeWork: 'allowed' });
  });

  it('cannot start processes or workers, nor generate code from strings', async () => {
    const result = await jsonResult(`
      const attempt = (f) => { try { f(); return 'allowed'; } catch (e) { return e.code ?? e.name; } };
      const { execSync } = await import('node:child_process');
      const { Worker } = await import('node:worker_threads');
      return { out: {
        spawn: attempt(() => execSync('id')),
        worker: attempt(() => new Worker('setTimeout(() => {}, 1)', { eval: true })),
        eval: attempt(() => eval('1 + 1')),
        fn: attempt(() => new Function('return 1')()),
        proto: Object.prototype.hasOwnProperty.call(Object.prototype, '__proto__'),
      } };`);
    expect(result).toEqual({ spawn: 'ERR_ACCESS_DENIED', worker: 'ERR_ACCESS_DENIED', eval: 'EvalError', fn: 'EvalError', proto: false });
  });

  it('cannot load native addons', async () => {
    const addon = path.join(repoRoot, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const result = await jsonResult(`try { process.dlopen({ exports: {} }, ${JSON.stringify(addon)}); return { out: { code: 'loaded' } }; } catch (e) { return { out: { code: e.code } }; }`);
    expect(['ERR_DLOPEN_DISABLED', 'ERR_ACCESS_DENIED']).toContain((result as { code: string }).code);
  });

  it("sees an allowlisted environment, never the app's", async () => {
    process.env.PIPEWRIGHT_TEST_LEAK = 'app secret';
    const env = (await jsonResult('return { out: Object.keys(process.env) };')) as string[];
    expect(env).not.toContain('PIPEWRIGHT_TEST_LEAK');
    expect(env.every((name) => ['TZ', 'LANG', 'LC_ALL', 'LC_CTYPE'].includes(name))).toBe(true);
  });

  it('receives only the secrets it declares', async () => {
    const secrets = { API_TOKEN: 't0ken', OTHER: 'hidden' };
    // Which secrets arrived, and whether their values are right; the values themselves would be masked as *** in any output.
    const probe = 'return { out: Object.fromEntries(Object.entries(ctx.secrets).map(([k, v]) => [k, v === "t0ken" ? "right value" : "wrong value"])) };';
    expect(await jsonResult(probe, { secrets: ['API_TOKEN'] }, { secrets })).toEqual({ API_TOKEN: 'right value' });
    expect(await jsonResult(probe, {}, { secrets })).toEqual({});
  });

  it('imports Node built-ins, and no package or file the pipeline does not declare', async () => {
    const ports = { inputs: [], outputs: [{ id: 'out', type: 'json' as const }] };
    const run = await runCode(pipelineOf([codeNode('probe', "import _ from 'lodash';\nexport default async function run() { return { out: _.VERSION } }", { ports })]));
    expect(run.error('probe')?.message).toContain("cannot import lodash: lodash is not in the pipeline's dependencies");
    const file = await runCode(pipelineOf([codeNode('probe', "import x from '../secret.js';\nexport default async function run() { return { out: x } }", { ports })]));
    expect(file.error('probe')?.message).toContain('cannot import ../secret.js: code nodes import Node\'s built-in modules and the npm packages the pipeline declares, not files');
  });
});

describe('errors point at the lines the user wrote', () => {
  it('maps a runtime error through the source map to the TypeScript line', async () => {
    const code = [
      'interface Order { id: number; amount: number }',
      'type Totals = Record<string, number>;',
      '',
      'function check(order: Order): void {',
      '  if (order.amount < 0) throw new Error(`order ${order.id} has a negative amount`);',
      '}',
      '',
      'export default async function run({ inputs }: { inputs: { in: Iterable<Order> } }) {',
      '  const totals: Totals = {};',
      '  for (const order of inputs.in) check(order);',
      '  return { out: [totals] };',
      '}',
    ].join('\n');
    const run = await runCode(pipelineOf([codeNode('orders', code)], 'SELECT 1 AS id, 5 AS amount UNION ALL SELECT 2, -3'));
    expect(run.error('orders')).toMatchObject({ code: 'E_NODE_001', message: 'Error: order 2 has a negative amount (at check (orders.ts:5:31))' });
    const stack = run.logs('orders').find((l) => l.level === 'error' && l.message.startsWith('Error: order 2'))!.message;
    expect(stack.split('\n')).toEqual(['Error: order 2 has a negative amount', '    at check (orders.ts:5:31)', '    at run (orders.ts:10:34)']);
  });

  it('reports a syntax error with its line and column', async () => {
    const run = await runCode(pipelineOf([codeNode('broken', 'export default async function run() {\n  return { out: [ }\n}')]));
    expect(run.error('broken')).toMatchObject({ code: 'E_NODE_005', message: expect.stringMatching(/^the code does not compile: .* \(broken\.ts:2:\d+\)$/) });
  });
});
