import { afterAll, describe, expect, it } from 'vitest';
import { RunnerPool, type PoolCall } from '../../../node-library/runner/pool';
import { RunnerFailure } from '../../../node-library/runner/runner-process';
import { transpile } from '../../../node-library/runner/transpile';

const pool = new RunnerPool({ maxRunners: 2 });
afterAll(() => pool.close());

const profile = { heapMb: 128, readPaths: [] };
const noHooks = { log: () => {}, stateGet: () => undefined, stateSet: () => {} };

async function call(body: string, timeoutMs = 5000, signal?: AbortSignal) {
  const compiled = await transpile(`export default async function run(ctx) {\n${body}\n}`, 'js', 'probe.js');
  const message: PoolCall = { code: compiled.code, codeKey: compiled.key, sourceMap: compiled.sourceMap, fileName: 'probe.js', inputs: {}, tablePorts: [], outputs: [{ id: 'out', type: 'json' }], params: {}, secrets: {} };
  const outputs = await pool.run(profile, message, noHooks, { timeoutMs, rssBytes: 512 * 2 ** 20, signal });
  return outputs[0].value;
}

describe('the runner pool', () => {
  it('reuses a warm runner for the next call', async () => {
    const first = await call('return { out: process.pid };');
    expect(await call('return { out: process.pid };')).toBe(first);
  });

  it('hands back values JSON would change (BigInt, Date, Map, bytes) exactly, and plain ones as they are', async () => {
    const value = await call("return { out: { big: 2n ** 70n, when: new Date(0), seen: new Map([['a', 1]]), bytes: new Uint8Array([7, 8]), nan: NaN, plain: [1, 'two', null] } };");
    expect(value).toEqual({ big: 2n ** 70n, when: new Date(0), seen: new Map([['a', 1]]), bytes: new Uint8Array([7, 8]), nan: NaN, plain: [1, 'two', null] });
    expect(await call("return { out: [{ a: 1, b: 'x' }] };")).toEqual([{ a: 1, b: 'x' }]);
  });

  it('aborts the signal of code that listens to it, which then ends on its own', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const body = "await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve)); return { out: ctx.signal.reason.message };";
    expect(await call(body, 5000, controller.signal)).toBe('the node was cancelled');
  });

  it('discards a runner that a call left with a timer running', async () => {
    const before = await call('setInterval(() => {}, 1000); return { out: process.pid };');
    const after = await call('return { out: process.pid };');
    expect(after).not.toBe(before);
  });

  it('evaluates the module afresh for each call (globals do survive in a warm runner)', async () => {
    await call('globalThis.leftover = 1; return { out: 0 };');
    expect(await call('return { out: typeof leftover };')).toBe('number');
    // Globals do survive in a warm runner; module-level variables do not, as each call evaluates the module afresh.
    const code = 'let calls = 0;\nexport default async function run() { calls++; return { out: calls } }';
    const compiled = await transpile(code, 'js', 'counter.js');
    const message: PoolCall = { code: compiled.code, codeKey: compiled.key, sourceMap: compiled.sourceMap, fileName: 'counter.js', inputs: {}, tablePorts: [], outputs: [{ id: 'out', type: 'json' }], params: {}, secrets: {} };
    const run = () => pool.run(profile, message, noHooks, { timeoutMs: 5000, rssBytes: 512 * 2 ** 20 });
    expect([(await run())[0].value, (await run())[0].value]).toEqual([1, 1]);
  });

  it('stops a call at its wall-clock timeout with the reason timeout', async () => {
    const failure = await call('while (true) {}', 300).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RunnerFailure);
    expect(failure).toMatchObject({ reason: 'timeout', message: 'the code ran longer than its timeout of 300 ms and was stopped' });
    expect(await call('return { out: 1 };')).toBe(1);
  });
});
