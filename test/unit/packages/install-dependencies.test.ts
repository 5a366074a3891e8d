import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sharedRunnerPool } from '../../../node-library/runner/pool';
import type { InstallEvent, PipelineFile, RunEvent } from '../../../node-library/contract';
import { createBackend, type Backend } from '../../../node-library/backend/create-backend';
import { serializePipeline } from '../../../node-library/model/save';
import { repoRoot, tempDir } from '../helpers';

const fixture = path.join(repoRoot, 'test/fixtures/npm/pw-greet');

/** A pipeline with one code node whose `out` is JSON, declaring `dependencies`. */
function greeter(id: string, code: string[], dependencies?: Record<string, string>): PipelineFile {
  return {
    format: 'pipewright/pipeline@1', id, name: id, description: '', params: {}, edges: [], layout: {},
    ...(dependencies && { dependencies }),
    nodes: [{ id: 'greet', type: 'code.js', version: 1, params: {}, code, ports: { inputs: [], outputs: [{ id: 'out', type: 'json' }] } }],
  };
}

const greetCode = [
  "import { greet, version } from 'pw-greet';",
  "import shout from 'pw-greet/shout';",
  'export default async function run() {',
  "  return { out: { text: greet('Ada'), loud: shout('hi'), version } };",
  '}',
];

/** A folder (the workspace) with the given pipelines, a backend on it, and the install events it streams. */
async function workspace(...pipelines: PipelineFile[]) {
  const dir = await tempDir();
  for (const p of pipelines) await writeFile(path.join(dir, `${p.id}.pipeline.json`), serializePipeline(p));
  const backend = createBackend({ pipelinesDir: dir, dataDir: await tempDir() });
  const events: InstallEvent[] = [];
  backend.onInstallEvent((e) => events.push(e));
  return { dir, backend, events, spec: `file:${path.relative(dir, fixture)}` };
}

async function run(backend: Backend, pipelineId: string) {
  const { runId } = await backend.startRun({ pipelineId });
  await backend.whenFinished(runId);
  const events = await backend.getRunEvents(runId);
  const failed = events.find((e): e is Extract<RunEvent, { type: 'node:state' }> => e.type === 'node:state' && e.state === 'failed');
  const preview = events.find((e): e is Extract<RunEvent, { type: 'node:preview' }> => e.type === 'node:preview');
  const logs = events.flatMap((e) => (e.type === 'node:log' ? [e.message] : []));
  return { error: failed?.error, value: preview?.value && JSON.parse(preview.value.text), logs };
}

describe('per-workspace npm dependencies', () => {
  it('installs a declared package with npm, then a code node imports it and its subpath', async () => {
    const ws = await workspace();
    await writeFile(path.join(ws.dir, 'hello.pipeline.json'), serializePipeline(greeter('hello', greetCode, { 'pw-greet': ws.spec })));
    try {
      expect(await ws.backend.dependencyStatus('hello')).toMatchObject({ state: 'install-needed', packages: [{ name: 'pw-greet', state: 'missing' }] });
      expect((await run(ws.backend, 'hello')).error?.message).toMatch(/pw-greet is declared in the pipeline's dependencies but not installed/);

      const result = await ws.backend.installDependencies('hello');
      expect(result.packages).toEqual([{ name: 'pw-greet', spec: ws.spec, state: 'installed', version: '1.2.0' }]);
      expect(ws.events.map((e) => e.type)).toEqual(expect.arrayContaining(['install:phase', 'install:done']));
      expect(ws.events.filter((e) => e.type === 'install:phase').map((e) => e.phase)).toEqual(['preparing', 'npm', 'swapping']);
      expect(await ws.backend.dependencyStatus('hello')).toMatchObject({ state: 'installed', installing: false, dir: path.join(ws.dir, '.pipewright', 'packages') });
      // Copied, not linked: the runner may read the install folder only.
      expect((await readFile(path.join(ws.dir, '.pipewright/packages/node_modules/pw-greet/index.js'), 'utf8'))).toContain('Hello');
      await access(path.join(ws.dir, '.pipewright/.gitignore'));

      expect(await run(ws.backend, 'hello')).toMatchObject({ error: undefined, value: { text: 'Hello, Ada!', loud: 'HI!', version: '1.2.0' } });
      // The editor gets the installed package's declarations.
      const types = await ws.backend.packageTypes('hello');
      expect(types.typed).toEqual(['pw-greet']);
      expect(types.files.map((f) => f.path)).toEqual(['node_modules/pw-greet/package.json', 'node_modules/pw-greet/index.d.ts', 'node_modules/pw-greet/shout.d.ts']);
    } finally {
      await ws.backend.close();
    }
  });

  it('warms, as a run starts, a runner that can import the declared packages, and the code node runs on it', async () => {
    const ws = await workspace();
    await writeFile(path.join(ws.dir, 'hello.pipeline.json'), serializePipeline(greeter('hello', greetCode, { 'pw-greet': ws.spec })));
    const pool = sharedRunnerPool();
    const warm = vi.spyOn(pool, 'warm');
    const call = vi.spyOn(pool, 'run');
    try {
      await ws.backend.installDependencies('hello');
      expect(await run(ws.backend, 'hello')).toMatchObject({ value: { text: 'Hello, Ada!' } });
      const warmed = warm.mock.calls.at(-1)![0];
      expect(warmed.packages).toMatch(/\.pipewright[\\/]packages@/);
      expect(call.mock.calls.at(-1)![0]).toEqual(warmed);
    } finally {
      warm.mockRestore();
      call.mockRestore();
      await ws.backend.close();
    }
  });

  it('refuses an import the pipeline does not declare, naming the package', async () => {
    const ws = await workspace(greeter('other', ["import _ from 'lodash/fp';", 'export default async function run() { return { out: 1 } }']));
    try {
      const { error } = await run(ws.backend, 'other');
      expect(error?.message).toMatch(/cannot import lodash\/fp: lodash is not in the pipeline's dependencies/);
      expect(error?.message).toMatch(/add lodash under Dependencies/);
    } finally {
      await ws.backend.close();
    }
  });

  it('reports npm\'s error when an install fails, and keeps the previous install working', async () => {
    const ws = await workspace();
    const file = path.join(ws.dir, 'hello.pipeline.json');
    await writeFile(file, serializePipeline(greeter('hello', greetCode, { 'pw-greet': ws.spec })));
    try {
      await ws.backend.installDependencies('hello');
      await writeFile(file, serializePipeline(greeter('hello', greetCode, { 'pw-greet': ws.spec, 'pw-nope': 'file:./no-such-folder' })));
      ws.events.length = 0;
      const failure = ws.backend.installDependencies('hello');
      await expect(failure).rejects.toMatchObject({ code: 'E_DEPS_001', message: expect.stringMatching(/npm install failed[\s\S]*npm error[\s\S]*no-such-folder/) });
      expect(ws.events.at(-1)).toMatchObject({ type: 'install:failed', message: expect.stringContaining('no-such-folder') });
      expect(ws.events.some((e) => e.type === 'install:output' && e.line.startsWith('npm error'))).toBe(true);

      expect(await ws.backend.dependencyStatus('hello')).toMatchObject({ state: 'install-needed', packages: [{ name: 'pw-greet', state: 'installed' }, { name: 'pw-nope', state: 'missing' }] });
      expect(await run(ws.backend, 'hello')).toMatchObject({ error: undefined, value: { text: 'Hello, Ada!' } });
      // No staging folder is left behind.
      expect((await import('node:fs/promises').then((fs) => fs.readdir(path.join(ws.dir, '.pipewright')))).sort()).toEqual(['.gitignore', 'packages']);
    } finally {
      await ws.backend.close();
    }
  });

  it('says when the installed spec is not the declared one, and checks an unsaved list', async () => {
    const ws = await workspace();
    const file = path.join(ws.dir, 'hello.pipeline.json');
    await writeFile(file, serializePipeline(greeter('hello', greetCode, { 'pw-greet': ws.spec })));
    try {
      await ws.backend.installDependencies('hello');
      expect(await ws.backend.dependencyStatus('hello', { 'pw-greet': '^1.0.0' })).toMatchObject({ state: 'install-needed', packages: [{ name: 'pw-greet', state: 'outdated', version: '1.2.0' }] });
      expect(await ws.backend.dependencyStatus('hello', {})).toMatchObject({ state: 'none', packages: [] });
      await writeFile(file, serializePipeline(greeter('hello', greetCode, { 'pw-greet': '^1.0.0' })));
      const { logs, error } = await run(ws.backend, 'hello');
      expect(error).toBeUndefined();
      expect(logs).toContain(`pw-greet is declared as ^1.0.0 but installed from file:${fixture}: install the dependencies again to update it`);
    } finally {
      await ws.backend.close();
    }
  });

  it('installs what every pipeline of the folder declares, and refuses two specs of one package', async () => {
    const ws = await workspace();
    await writeFile(path.join(ws.dir, 'a.pipeline.json'), serializePipeline(greeter('a', greetCode, { 'pw-greet': ws.spec })));
    await writeFile(path.join(ws.dir, 'b.pipeline.json'), serializePipeline(greeter('b', greetCode)));
    try {
      await ws.backend.installDependencies('b');
      expect(await run(ws.backend, 'a')).toMatchObject({ value: { text: 'Hello, Ada!' } });
      await writeFile(path.join(ws.dir, 'b.pipeline.json'), serializePipeline(greeter('b', greetCode, { 'pw-greet': '^1.0.0' })));
      await expect(ws.backend.installDependencies('b')).rejects.toMatchObject({ code: 'E_DEPS_002', message: expect.stringContaining(`- pw-greet: "^1.0.0" in b, "${ws.spec}" in a`) });
    } finally {
      await ws.backend.close();
    }
  });
});
