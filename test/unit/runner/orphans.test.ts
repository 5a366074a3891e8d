import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runnerBundle } from '../../../node-library/runner/runner-bundle';
import { repoRoot } from '../helpers';

/** Processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the command name in parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return children;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
};

/** How the host goes, its mode in orphan-child.ts, and the exit code and signal it ends with. */
const endings: [string, string, [number | null, string | null]][] = [
  ['exits', 'exit', [0, null]],
  ['is ended by SIGTERM', 'signal', [null, 'SIGTERM']],
  ['handles SIGTERM with its own shutdown', 'graceful', [3, null]],
];
// No handler runs: the runner goes by its parent-death signal, set by setpriv where there is one (launcher.ts).
if (existsSync('/usr/bin/setpriv')) endings.push(['is killed outright (SIGKILL)', 'kill', [null, 'SIGKILL']]);

describe.runIf(process.platform === 'linux')('runner processes', () => {
  it.each(endings)('a runner busy in an endless loop goes when the process that started it %s', async (_how, mode, exit) => {
    // Bundled as the app is, with the runner beside it, inside the repo so its packages resolve.
    const dir = path.join(repoRoot, 'test-results', `orphans-${process.pid}-${mode}`);
    await mkdir(path.join(dir, 'runner'), { recursive: true });
    await writeFile(path.join(dir, 'runner', 'runner.cjs'), await runnerBundle(path.join(repoRoot, 'node-library/runner/runner-entry.ts')));
    const script = path.join(dir, 'bin', 'orphan-child.mjs');
    await build({ entryPoints: [path.join(import.meta.dirname, 'orphan-child.ts')], outfile: script, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
    const child = spawn(process.execPath, [script, mode as string], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout!, 'data')) as [Buffer];
    expect(line.toString()).toBe('looping\n');
    const runners = childrenOf(child.pid!);
    expect(runners.length).toBeGreaterThan(0);
    if (mode === 'kill') child.kill('SIGKILL');
    else if (mode !== 'exit') child.kill('SIGTERM');
    else child.stdin!.end();
    expect(await once(child, 'exit')).toEqual(exit);
    const deadline = Date.now() + 5_000;
    while (runners.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runners.filter(alive)).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  }, 30_000);
});
