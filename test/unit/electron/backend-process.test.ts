import { build } from 'esbuild';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../node-library/contract';
import { hostBackend, type UtilityProcessLike } from '../../../electron/backend-host';
import { copyExamples, repoRoot, tempDir } from '../helpers';

describe('the backend process entry', () => {
  it('boots in its own process, answers the contract, runs a pipeline, is replaced when it crashes and stops cleanly', async () => {
    const options = JSON.stringify({ pipelinesDir: await copyExamples(), dataDir: await tempDir() });
    // Bundled as build/build.mjs does (tsx cannot load our *.node.ts module names), inside the repo so packages resolve.
    const entry = path.join(repoRoot, 'test-results', 'backend-process', 'backend-process.mjs');
    await build({ entryPoints: [path.join(repoRoot, 'electron/backend-process.ts')], outfile: entry, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
    const children: ChildProcess[] = [];
    const spawn = (): UtilityProcessLike => {
      const child = fork(entry, [options], {
        execArgv: ['--import', path.join(repoRoot, 'test/fixtures/electron/parent-port-shim.mjs')],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      return { postMessage: (m) => void child.send(m), on: (event: string, listener: (value: never) => void) => child.on(event, listener as (...args: unknown[]) => void), kill: () => child.kill('SIGTERM') };
    };
    const host = hostBackend(spawn, () => ({}));
    try {
      const finished = new Promise<RunEvent>((resolve) => host.backend.onRunEvent((e) => e.type === 'run:finish' && resolve(e)));
      expect((await host.backend.listPipelines()).map((p) => p.id)).toContain('big-orders');
      const { runId } = await host.backend.startRun({ pipelineId: 'big-orders' });
      expect(await finished).toMatchObject({ runId, state: 'succeeded' });
      await expect(host.backend.getRun('nope')).rejects.toMatchObject({ code: 'E_RUN_001' });

      // A crashed backend is replaced; the run it recorded is still there for the new one.
      children[0].kill('SIGKILL');
      await once(children[0], 'exit');
      expect(await host.backend.getRun(runId)).toMatchObject({ run: { runId, state: 'succeeded' } });
      expect(children).toHaveLength(2);

      host.stop();
      const [code] = await once(children[1], 'exit');
      expect(code).toBe(0);
    } finally {
      for (const child of children) child.kill('SIGKILL');
    }
  }, 60_000);
});
