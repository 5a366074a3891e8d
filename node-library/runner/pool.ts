import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { forkLauncher, type RunnerLauncher } from './launcher';
import type { IpcPieces } from './arrow-columns';
import type { CallMessage, OutputValue } from './protocol';
import { runnerEntry } from './runner-bundle';
import { runnerEnv } from './runner-env';
import { RunnerProcessSupervisor, type CallHooks, type CallLimits } from './runner-process';
import { hostTableBuffers } from './spare-buffers';
import { fromWire, tableFolder, toWire } from './table-files';

/** What a runner process is started with; runners are reused only for calls with the same profile. */
export interface RunnerProfile {
  /** V8 heap limit (--max-old-space-size). */
  heapMb: number;
  /** Extra paths the code may read (declared file inputs). */
  readPaths: string[];
  /**
   * The package install the code imports from (its folder and install stamp): a warm runner keeps
   * the modules it loaded, so runners never serve calls of another install.
   */
  packages?: string;
}

export interface PoolOptions {
  launcher?: RunnerLauncher;
  /** Runners alive at once; at most the CPU count. */
  maxRunners?: number;
}

/** A call as a node makes it; its table inputs are IpcPieces, which the pool sends inline or as a file. */
export type PoolCall = Omit<CallMessage, 'type' | 'callId' | 'workDir'>;

/**
 * Warm runner processes for code nodes, at most the CPU count. A runner is
 * reused until a call leaves it unfit (a limit hit, a crash, a timer left
 * running); then it is discarded and a fresh one takes its place.
 */
export class RunnerPool {
  private readonly idle: { key: string; runner: RunnerProcessSupervisor }[] = [];
  private readonly waiters: (() => void)[] = [];
  private live = 0;
  /** Runners being started ahead of need, by profile key. */
  private readonly warming = new Map<string, number>();
  private nextCallId = 0;
  private root?: Promise<string>;
  /** The root once known: warm calls skip an await. */
  private rootPath?: string;
  private closed = false;
  readonly maxRunners: number;

  constructor(private readonly options: PoolOptions = {}) {
    this.maxRunners = Math.max(1, Math.min(options.maxRunners ?? os.availableParallelism(), os.availableParallelism()));
  }

  /**
   * Runs one call on a warm runner (started if none is idle), in a fresh work
   * folder. Tables in and out are inline Arrow bytes for the caller; large ones
   * cross to the runner as files (table-files.ts).
   */
  async run(profile: RunnerProfile, call: PoolCall, hooks: CallHooks, limits: CallLimits): Promise<OutputValue[]> {
    const runner = await this.acquire(profile, limits.signal);
    const callId = ++this.nextCallId;
    // The runner creates it on first use and removes it after the call: most calls never touch the disk.
    const workDir = path.join(this.rootPath ?? (await this.rootDir()), `call-${callId}`);
    let reusable = false;
    let tableFiles = false;
    try {
      const inputs = { ...call.inputs };
      call.tablePorts.forEach((port, i) => {
        if (!Array.isArray(inputs[port])) return;
        const wire = toWire(inputs[port] as IpcPieces, workDir, `in-${i}`);
        inputs[port] = wire;
        tableFiles ||= wire.kind === 'arrow-file';
      });
      const result = await runner.call({ ...call, inputs, type: 'call', callId, workDir }, hooks, limits);
      reusable = result.reusable;
      for (const output of result.outputs) {
        if (output.table?.kind !== 'arrow-file') continue;
        tableFiles = true;
        // The caller gives the bytes back to hostTableBuffers once it has stored them.
        output.table = { kind: 'arrow', bytes: fromWire(output.table, (size) => hostTableBuffers.take(size)) };
      }
      return result.outputs;
    } finally {
      this.release(profileKey(profile), runner, reusable);
      if (tableFiles || !reusable) await rm(tableFolder(workDir), { recursive: true, force: true });
      // A runner that died mid-call left its folder behind.
      if (!reusable) await rm(workDir, { recursive: true, force: true });
    }
  }

  /**
   * Makes sure `count` runners of the profile are idle or starting, so the
   * first code node of a run does not wait for a process to start.
   */
  async warm(profile: RunnerProfile, count = 1): Promise<void> {
    const key = profileKey(profile);
    const ready = this.idle.filter((r) => r.key === key && r.runner.alive).length + (this.warming.get(key) ?? 0);
    const starting: Promise<void>[] = [];
    for (let i = ready; i < count && this.live < this.maxRunners && !this.closed; i++) {
      this.live++;
      this.warming.set(key, (this.warming.get(key) ?? 0) + 1);
      const started = this.start(profile).then(
        (runner) => this.release(key, runner, true),
        () => void this.live--,
      );
      starting.push(started.finally(() => this.warming.set(key, this.warming.get(key)! - 1)));
    }
    await Promise.all(starting);
  }

  /** Stops every idle runner; busy ones stop when their call ends. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { runner } of this.idle.splice(0)) runner.kill();
    const root = this.root;
    this.root = undefined;
    this.rootPath = undefined;
    if (root) await rm(await root, { recursive: true, force: true });
  }

  private async acquire(profile: RunnerProfile, signal?: AbortSignal): Promise<RunnerProcessSupervisor> {
    const key = profileKey(profile);
    for (;;) {
      signal?.throwIfAborted();
      // A runner can die while idle (a timer a call left behind threw): it gives its place back.
      for (let i = this.idle.length - 1; i >= 0; i--) if (!this.idle[i].runner.alive) this.discard(this.idle.splice(i, 1)[0].runner);
      const index = this.idle.findIndex((r) => r.key === key && r.runner.alive);
      if (index >= 0) return this.idle.splice(index, 1)[0].runner;
      // A runner of another profile makes room when the pool is full.
      if (this.live >= this.maxRunners && this.idle.length > 0) this.discard(this.idle.shift()!.runner);
      if (this.live < this.maxRunners) {
        this.live++;
        return this.start(profile).catch((error: Error) => {
          this.live--;
          throw error;
        });
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private release(key: string, runner: RunnerProcessSupervisor, reusable: boolean): void {
    if (reusable && runner.alive && !this.closed) this.idle.push({ key, runner });
    else this.discard(runner);
    this.waiters.shift()?.();
  }

  private discard(runner: RunnerProcessSupervisor): void {
    runner.kill();
    this.live--;
  }

  private async start(profile: RunnerProfile): Promise<RunnerProcessSupervisor> {
    const [entry, root] = await Promise.all([runnerEntry(), this.rootDir()]);
    const reads = [entry, root, ...profile.readPaths];
    const execArgv = [
      `--max-old-space-size=${profile.heapMb}`,
      '--disallow-code-generation-from-strings',
      '--disable-proto=delete',
      permissionFlag(),
      ...reads.map((p) => `--allow-fs-read=${p}`),
      `--allow-fs-write=${root}`,
      '--no-warnings',
    ];
    const args = process.platform === 'linux' ? [] : ['--report-rss'];
    return RunnerProcessSupervisor.start(this.options.launcher ?? forkLauncher, { entry, execArgv, args, env: runnerEnv() });
  }

  private rootDir(): Promise<string> {
    this.root ??= mkdtemp(path.join(os.tmpdir(), 'pipewright-code-')).then((dir) => {
      // Hosts rarely close the shared pool; its folder goes when the process does.
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      this.rootPath = dir;
      return dir;
    });
    return this.root;
  }
}

function profileKey(profile: RunnerProfile): string {
  return `${profile.heapMb}|${profile.packages ?? ''}|${[...profile.readPaths].sort().join('|')}`;
}

/** Node 20 and 21 call the permission model experimental; 22.13 and later name it --permission. */
function permissionFlag(): string {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 13) ? '--permission' : '--experimental-permission';
}

let shared: RunnerPool | undefined;

/** The process-wide pool code nodes use unless a host sets its own. */
export function sharedRunnerPool(): RunnerPool {
  shared ??= new RunnerPool();
  return shared;
}

export function setSharedRunnerPool(pool: RunnerPool): void {
  shared = pool;
}
