import { fork, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { decodeMessage, encodeMessage } from './wire-codec';

/** A started runner process, whichever API started it. */
export interface RunnerProcess {
  readonly pid: number | undefined;
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** Output the runner wrote outside the protocol (process.stdout.write, V8's fatal errors). */
  onOutput(listener: (stream: 'stdout' | 'stderr', text: string) => void): void;
  kill(): void;
  /** An idle runner must not keep a CLI run from exiting. */
  setActive(active: boolean): void;
}

export interface LaunchOptions {
  entry: string;
  execArgv: string[];
  args: string[];
  env: Record<string, string>;
}

/** Starts a runner; child_process.fork under Node, Electron's utilityProcess in the app. */
export type RunnerLauncher = (options: LaunchOptions) => RunnerProcess;

/**
 * child_process.fork with JSON messages; values JSON would change cross in
 * V8's serialisation (wire-codec.ts). On Linux the runner starts through
 * util-linux's setpriv with a parent-death signal: a host killed outright
 * (SIGKILL, the OOM killer) runs no exit handler, and a runner busy in user
 * code would otherwise live on. Elsewhere the exit handlers of
 * runner-process.ts are all there is.
 */
export const forkLauncher: RunnerLauncher = ({ entry, execArgv, args, env }) => {
  const setpriv = parentDeathSetpriv();
  const start = setpriv ? { execPath: setpriv, execArgv: ['--pdeathsig', 'KILL', '--', process.execPath, ...execArgv] } : { execArgv };
  const child = fork(entry, args, { ...start, env, serialization: 'json', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const streams: [Readable | null, 'stdout' | 'stderr'][] = [[child.stdout, 'stdout'], [child.stderr, 'stderr']];
  return {
    pid: child.pid,
    send: (message) => void child.send(encodeMessage(message as object) as never),
    onMessage: (listener) => void child.on('message', (message) => listener(decodeMessage(message))),
    // 'close' rather than 'exit': it comes after stderr is drained, which holds V8's out-of-memory message.
    onExit: (listener) => void child.once('close', listener),
    onOutput: (listener) => {
      for (const [stream, name] of streams) stream?.setEncoding('utf8').on('data', (text: string) => listener(name, text));
    },
    kill: () => void child.kill('SIGKILL'),
    setActive: (active) => {
      const handles = [child, child.channel, ...streams.map(([s]) => (s as unknown as { _handle?: { ref(): void; unref(): void } })?._handle)];
      for (const handle of handles) {
        if (active) handle?.ref?.();
        else handle?.unref?.();
      }
    },
  };
};

let setprivPath: string | undefined | null = null;

/**
 * /usr/bin/setpriv when it is there and knows --pdeathsig (util-linux 2.33+),
 * asked once per process by its --help, which starts nothing else.
 */
function parentDeathSetpriv(): string | undefined {
  if (setprivPath !== null) return setprivPath;
  const candidate = '/usr/bin/setpriv';
  const works = process.platform === 'linux' && existsSync(candidate) && (spawnSync(candidate, ['--help'], { encoding: 'utf8' }).stdout ?? '').includes('--pdeathsig');
  setprivPath = works ? candidate : undefined;
  return setprivPath;
}
