import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** As test/e2e finds it: PIPEWRIGHT_CHROMIUM, else the system Chromium, else Playwright's own. */
export const executablePath = process.env.PIPEWRIGHT_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** `pipewright serve` (the built dist/node/cli.js under `root`) on a pipeline folder; resolves with its tokened URL. */
export function startServe(root: string, dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/node/cli.js', 'serve', '--pipelines', dir, '--data-dir', path.join(dir, '.data')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^Open (http:\/\/\S+)$/m.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`pipewright serve exited (code ${code})`)));
  });
}
