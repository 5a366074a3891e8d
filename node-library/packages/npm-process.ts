import { spawn } from 'node:child_process';
import path from 'node:path';

export interface NpmOptions {
  cwd: string;
  args: string[];
  onLine(stream: 'stdout' | 'stderr', line: string): void;
  signal?: AbortSignal;
  /** Killed after this long (10 minutes by default): a hung registry must not hang the install. */
  timeoutMs?: number;
}

export interface NpmResult {
  code: number | null;
  /** npm's `npm error ...` lines (else the last lines of stderr), for the failure message. */
  errorLines: string[];
}

/**
 * The npm that runs the host: `npm_execpath` when the host was started by
 * npm (`npm run serve`), under the host's own Node; else `npm` on the PATH
 * (the desktop app needs Node.js with npm installed for this).
 */
export function npmCommand(env: NodeJS.ProcessEnv = process.env): { command: string; args: string[]; shell: boolean } {
  const execPath = env.npm_execpath;
  if (execPath && /^npm-cli\.c?js$/.test(path.basename(execPath))) return { command: process.execPath, args: [execPath], shell: false };
  return { command: 'npm', args: [], shell: process.platform === 'win32' };
}

/**
 * The host's environment minus what npm put there for the host's own
 * script (`npm run serve` sets the prefix, the package's fields and the
 * lifecycle): the install must see its own folder's package.json only.
 */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_|^npm_config_(local_prefix|prefix|global)$|^npm_command$|^INIT_CWD$|^PIPEWRIGHT_SECRET_/i.test(key)) continue;
    env[key] = value;
  }
  // Electron's own binary runs npm-cli.js as plain Node.
  if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
  return env;
}

/** Runs npm with `args` in `cwd`, handing on its output line by line. */
export function runNpm({ cwd, args, onLine, signal, timeoutMs = 10 * 60_000 }: NpmOptions): Promise<NpmResult> {
  const npm = npmCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(npm.command, [...npm.args, ...args], { cwd, env: npmEnv(), shell: npm.shell, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const errorLines: string[] = [];
    const tail: string[] = [];
    const timer = setTimeout(() => {
      onLine('stderr', `npm did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`);
      child.kill();
    }, timeoutMs);
    const abort = () => child.kill();
    signal?.addEventListener('abort', abort, { once: true });
    for (const [stream, name] of [[child.stdout, 'stdout'], [child.stderr, 'stderr']] as const) {
      let partial = '';
      stream.setEncoding('utf8').on('data', (text: string) => {
        const lines = (partial + text).split(/\r?\n/);
        partial = lines.pop()!;
        for (const line of lines) handle(name, line);
      });
      stream.on('end', () => partial && handle(name, partial));
    }
    function handle(stream: 'stdout' | 'stderr', line: string) {
      if (!line.trim()) return;
      onLine(stream, line);
      if (stream !== 'stderr') return;
      if (/^npm (error|ERR!)/.test(line) && !/A complete log of this run/.test(line)) errorLines.push(line);
      tail.push(line);
      if (tail.length > 20) tail.shift();
    }
    child.once('error', (error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      reject(new Error(`could not start npm (${npm.command}): ${error.message}; installing packages needs Node.js with npm on the PATH`));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      resolve({ code, errorLines: errorLines.length ? errorLines.slice(0, 40) : tail });
    });
  });
}
