import { describe, expect, it } from 'vitest';
import { codeNode, pipelineOf, runCode } from './code-harness';

const healthy = 'export default async function run({ inputs }) { return { out: inputs.in.toArray().map((r) => ({ n: r.n + 1 })) } }';

/** Runs `body` as a node's code with small limits, then checks the next run on the shared pool still works. */
async function failsAlone(body: string, extra: Parameters<typeof codeNode>[2] = {}) {
  const run = await runCode(pipelineOf([codeNode('bad', `export default async function run() {\n${body}\n}`, { params: { memoryMb: 64 }, ...extra })]));
  expect(run.state).toBe('failed');
  const next = await runCode(pipelineOf([codeNode('good', healthy)], 'SELECT 41 AS n'));
  expect(next.preview('good')?.rows).toEqual([[42]]);
  return run.error('bad')!;
}

describe('a failing code node fails alone, with its reason, and the next run works', () => {
  it('while (true) {} is stopped at its timeout', async () => {
    const error = await failsAlone('while (true) {}', { timeoutMs: 800 });
    expect(error).toMatchObject({ code: 'E_NODE_002', message: expect.stringContaining('timeout of 800 ms') });
  });

  it('an async hang is stopped at its timeout', async () => {
    const error = await failsAlone('await new Promise(() => {});', { timeoutMs: 500 });
    expect(error.message).toContain('timeout of 500 ms');
  });

  it('a 4 GB typed array is stopped by the memory watchdog', async () => {
    const error = await failsAlone('new Float64Array(512 * 2 ** 20).fill(1); return { out: [] };');
    expect(error).toMatchObject({ code: 'E_NODE_004', message: expect.stringMatching(/^out of memory: the code used \d+ MB of memory, over its limit of 256 MB/) });
  });

  it('a 4 GB Buffer is stopped by the memory watchdog', async () => {
    const error = await failsAlone('Buffer.alloc(4 * 2 ** 30 - 1, 1); return { out: [] };');
    expect(error).toMatchObject({ code: 'E_NODE_004', message: expect.stringMatching(/^out of memory/) });
  });

  it('a growing array of objects hits the heap limit', async () => {
    const error = await failsAlone('const a = []; for (;;) a.push({ n: a.length, s: "x" + a.length });');
    expect(error).toMatchObject({ code: 'E_NODE_004', message: expect.stringMatching(/^out of memory/) });
  });

  it('process.exit() ends the runner, not the app', async () => {
    expect(await failsAlone('process.exit(3);')).toMatchObject({ code: 'E_NODE_004', message: "exit: the code ended its runner process with exit(3)" });
    expect((await failsAlone('process.exit();')).message).toContain('exit(0)');
  });

  it("process.kill(process.pid, 'SIGKILL') is reported as a signal", async () => {
    const error = await failsAlone("process.kill(process.pid, 'SIGKILL'); await new Promise(() => {});");
    expect(error).toMatchObject({ code: 'E_NODE_004', message: "signal: the code's runner was killed by signal SIGKILL" });
  });

  it('an uncaught exception in a timer is a crash', async () => {
    const error = await failsAlone("setTimeout(() => { throw new Error('late failure') }, 0);\nawait new Promise((r) => setTimeout(r, 5000));");
    expect(error).toMatchObject({ code: 'E_NODE_004', message: expect.stringMatching(/^crash: uncaught exception: Error: late failure \(at .*bad\.ts:2:/) });
  });

  it('an unhandled rejection is a crash', async () => {
    const error = await failsAlone("Promise.reject(new Error('nobody waits'));\nawait new Promise((r) => setTimeout(r, 5000));");
    expect(error.message).toMatch(/^crash: unhandled rejection: Error: nobody waits/);
  });

  it('a stack overflow fails the node with the RangeError', async () => {
    const error = await failsAlone('const f = (n) => f(n + 1) + 1;\nf(0);');
    expect(error).toMatchObject({ code: 'E_NODE_001', message: expect.stringMatching(/^RangeError: Maximum call stack size exceeded/) });
  });

  it('throwing a non-Error says what was thrown', async () => {
    expect(await failsAlone("throw 'not an error';")).toMatchObject({ code: 'E_NODE_001', message: 'Error: threw a non-Error value: "not an error"' });
    expect((await failsAlone('throw { code: 42 };')).message).toBe('Error: threw a non-Error value: {"code":42}');
  });

  it('other pipelines keep running while one hangs', async () => {
    const hang = runCode(pipelineOf([codeNode('bad', 'export default async function run() { while (true) {} }', { timeoutMs: 1500 })]));
    const others = await Promise.all([1, 2, 3].map((n) => runCode(pipelineOf([codeNode('good', healthy)], `SELECT ${n} AS n`))));
    expect(others.map((r) => r.preview('good')?.rows)).toEqual([[[2]], [[3]], [[4]]]);
    expect((await hang).state).toBe('failed');
  });

  it('cancelling the run stops code that ignores its signal', async () => {
    const controller = new AbortController();
    const running = runCode(pipelineOf([codeNode('bad', 'export default async function run() { while (true) {} }')]), { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    expect((await running).state).toBe('cancelled');
    const next = await runCode(pipelineOf([codeNode('good', healthy)], 'SELECT 1 AS n'));
    expect(next.preview('good')?.rows).toEqual([[2]]);
  });
});
