import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/node/cli.js');

export interface Served {
  /** The URL `pipewright serve` printed, token included. */
  url: string;
  /** The same server without the token: http://127.0.0.1:<port> */
  origin: string;
  /** The temp copy of pipelines/ the server works on. */
  dir: string;
  /** Stops the server and starts it again on the same folder and data; resolves to the new URL (a new port and token). */
  restart(): Promise<string>;
}

/**
 * Serve mode on a fresh copy of pipelines/ (data/ included, out/ left out so
 * a test sees only what its own run wrote), stopped and removed afterwards.
 */
export const test = base.extend<{ served: Served }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  served: async ({}, use) => {
    if (!existsSync(cli)) throw new Error(`${path.relative(root, cli)} is missing: build first with \`node build/build.mjs\` (npm run test:e2e does it for you).`);
    const dir = await mkdtemp(path.join(tmpdir(), 'pipewright-e2e-'));
    await cp(path.join(root, 'pipelines'), dir, { recursive: true, filter: (src) => path.relative(path.join(root, 'pipelines'), src) !== 'out' });
    const dataDir = path.join(dir, '.pipewright-data');
    const start = () => spawn(process.execPath, [cli, 'serve', '--pipelines', dir, '--data-dir', dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let child = start();
    try {
      const url = await waitForUrl(child);
      const restart = async () => {
        await stop(child);
        child = start();
        return waitForUrl(child);
      };
      await use({ url, origin: new URL(url).origin, dir, restart });
    } finally {
      await stop(child);
      await rm(dir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';

function waitForUrl(child: ChildProcess, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`pipewright serve ${why}.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`printed no "Open http://..." line within ${timeoutMs} ms`), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Open (http:\/\/\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('error', (error) => fail(`could not start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
