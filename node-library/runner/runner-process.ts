import { readFileSync } from 'node:fs';
import type { LogLevel } from '../contract';
import type { RunnerLauncher, RunnerProcess } from './launcher';
import type { CallMessage, ErrorPayload, OutputValue, RunnerMessage } from './protocol';

/** Why a call failed; the last four mean the runner process died. */
export type FailureReason = 'error' | 'timeout' | 'out of memory' | 'exit' | 'signal' | 'crash' | 'cancelled';

export class RunnerFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly userStack?: string,
  ) {
    super(message);
    this.name = 'RunnerFailure';
  }
}

export interface CallHooks {
  log(level: LogLevel, message: string): void;
  stateGet(key: string): unknown;
  stateSet(key: string, value: unknown): void;
}

export interface CallLimits {
  timeoutMs: number;
  /** Resident memory (heap, Buffers, native) above which the runner is killed. */
  rssBytes: number;
  signal?: AbortSignal;
}

interface ActiveCall {
  message: CallMessage;
  hooks: CallHooks;
  resolve(value: { outputs: OutputValue[]; reusable: boolean }): void;
  reject(error: RunnerFailure): void;
  /** Set when the supervisor killed the runner on purpose. */
  killedFor?: RunnerFailure;
  fatal?: { origin: string; error: ErrorPayload };
}

const watchIntervalMs = 25;

/**
 * One supervised runner process: sends calls, relays logs and state, and
 * enforces the wall-clock timeout and the RSS limit by killing the process.
 * Every exit during a call becomes a RunnerFailure with its reason.
 */
/**
 * Runners of this process still alive. They go when it exits: one busy in a
 * loop never notices its parent is gone, and would spin on, orphaned.
 */
const liveRunners = new Set<RunnerProcessSupervisor>();
let killOnExit = false;

/** Signals that end a process unless it listens to them. */
const endingSignals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/**
 * A signal that ends this process skips its 'exit' event. Unless the host
 * handles the signal itself (a graceful shutdown that ends in exit), the
 * runners are killed and the signal then takes its usual course. Listening
 * first, before any host's once-listener has removed itself, tells the two apart.
 */
function onEndingSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  killLiveRunners();
  process.removeListener(signal, onEndingSignal);
  process.kill(process.pid, signal);
}

function killLiveRunners(): void {
  for (const runner of liveRunners) runner.kill();
}

function killRunnersWhenProcessEnds(): void {
  if (killOnExit) return;
  killOnExit = true;
  process.once('exit', killLiveRunners);
  for (const signal of endingSignals) process.prependListener(signal, onEndingSignal);
}

export class RunnerProcessSupervisor {
  private active?: ActiveCall;
  private stderrTail = '';
  private exited = false;
  private readonly ready: Promise<void>;
  private lastRss = 0;
  /** Code keys this runner was sent the code for; later calls send only the key. */
  private readonly knownCode = new Set<string>();

  private constructor(private readonly process: RunnerProcess) {
    let markReady!: () => void;
    let failStart!: (error: Error) => void;
    this.ready = new Promise((resolve, reject) => ((markReady = resolve), (failStart = reject)));
    process.onMessage((message) => this.onMessage(message as RunnerMessage, markReady));
    process.onOutput((stream, text) => this.onOutput(stream, text));
    liveRunners.add(this);
    killRunnersWhenProcessEnds();
    process.onExit((code, signal) => {
      this.exited = true;
      liveRunners.delete(this);
      failStart(new Error(`the code runner did not start (${signal ?? `exit code ${code}`}): ${this.stderrTail.trim().slice(-500)}`));
      this.onExit(code, signal);
    });
  }

  static async start(launcher: RunnerLauncher, options: Parameters<RunnerLauncher>[0]): Promise<RunnerProcessSupervisor> {
    const runner = new RunnerProcessSupervisor(launcher(options));
    await runner.ready;
    runner.process.setActive(false);
    return runner;
  }

  get alive(): boolean {
    return !this.exited;
  }

  kill(): void {
    if (!this.exited) this.process.kill();
  }

  call(message: CallMessage, hooks: CallHooks, limits: CallLimits): Promise<{ outputs: OutputValue[]; reusable: boolean }> {
    if (this.active || this.exited) throw new Error('the runner is busy or gone');
    this.process.setActive(true);
    const done = new Promise<{ outputs: OutputValue[]; reusable: boolean }>((resolve, reject) => (this.active = { message, hooks, resolve, reject }));
    const call = this.active!;
    const stopFor = (failure: RunnerFailure) => {
      if (this.active !== call || call.killedFor) return;
      call.killedFor = failure;
      this.process.kill();
    };
    // One timer per call for both limits, re-armed each interval: most calls end before it first fires.
    const deadline = performance.now() + limits.timeoutMs;
    const watch = () => {
      const left = deadline - performance.now();
      if (left <= 0) return stopFor(new RunnerFailure('timeout', `the code ran longer than its timeout of ${limits.timeoutMs} ms and was stopped`));
      const rss = this.residentBytes();
      if (rss > limits.rssBytes) return stopFor(new RunnerFailure('out of memory', `the code used ${mb(rss)} MB of memory, over its limit of ${mb(limits.rssBytes)} MB, and was stopped`));
      watchdog = setTimeout(watch, Math.min(watchIntervalMs, left));
    };
    let watchdog = setTimeout(watch, Math.min(watchIntervalMs, limits.timeoutMs));
    const onAbort = () => {
      this.process.send({ type: 'abort', callId: message.callId });
      // A grace period for code that listens to its signal; then the runner is stopped.
      setTimeout(() => stopFor(new RunnerFailure('cancelled', 'the node was cancelled')), 250).unref();
    };
    limits.signal?.addEventListener('abort', onAbort, { once: true });
    if (this.knownCode.has(message.codeKey)) this.process.send({ ...message, code: '', sourceMap: '' });
    else {
      this.knownCode.add(message.codeKey);
      this.process.send(message);
    }
    return done.finally(() => {
      clearTimeout(watchdog);
      limits.signal?.removeEventListener('abort', onAbort);
      this.active = undefined;
      if (!this.exited) this.process.setActive(false);
    });
  }

  /** Resident memory in bytes: /proc on Linux, else the runner's own reports. */
  private residentBytes(): number {
    if (process.platform !== 'linux' || this.process.pid === undefined) return this.lastRss;
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      return 0;
    }
  }

  private onMessage(message: RunnerMessage, markReady: () => void): void {
    const call = this.active;
    switch (message.type) {
      case 'ready':
        return markReady();
      case 'rss':
        this.lastRss = message.bytes;
        return;
      case 'need-code':
        if (call?.message.callId === message.callId) this.process.send(call.message);
        return;
      case 'log':
        if (call?.message.callId === message.callId) call.hooks.log(message.level, message.message);
        return;
      case 'state-get':
      case 'state-set':
        return this.answerState(message, call);
      case 'result':
        if (call?.message.callId === message.callId && !call.killedFor) call.resolve({ outputs: message.outputs, reusable: message.reusable });
        return;
      case 'error':
        if (call?.message.callId === message.callId && !call.killedFor) call.reject(userFailure(message.error));
        if (!message.reusable) this.kill();
        return;
      case 'fatal':
        if (call && (message.callId === undefined || message.callId === call.message.callId)) call.fatal = message;
        return;
    }
  }

  private answerState(message: Extract<RunnerMessage, { type: 'state-get' | 'state-set' }>, call: ActiveCall | undefined): void {
    try {
      if (!call || call.message.callId !== message.callId) throw new Error('no call is running');
      const value = message.type === 'state-get' ? call.hooks.stateGet(message.key) : call.hooks.stateSet(message.key, message.value);
      this.process.send({ type: 'state', requestId: message.requestId, value });
    } catch (error) {
      this.process.send({ type: 'state', requestId: message.requestId, error: (error as Error).message });
    }
  }

  private onOutput(stream: 'stdout' | 'stderr', text: string): void {
    if (stream === 'stderr') this.stderrTail = (this.stderrTail + text).slice(-4096);
    for (const line of text.split('\n')) if (line.trim() && this.active) this.active.hooks.log(stream === 'stderr' ? 'warn' : 'info', line);
  }

  private onExit(code: number | null, signal: string | null): void {
    const call = this.active;
    if (!call) return;
    call.reject(call.killedFor ?? exitFailure(code, signal, call.fatal, this.stderrTail));
  }
}

function exitFailure(code: number | null, signal: string | null, fatal: ActiveCall['fatal'], stderr: string): RunnerFailure {
  if (/heap out of memory|Allocation failed|Reached heap limit/i.test(stderr)) {
    return new RunnerFailure('out of memory', 'the code ran out of memory (its JavaScript heap limit) and its runner was stopped');
  }
  if (fatal) {
    const where = fatal.error.stack?.split('\n')[1]?.trim();
    return new RunnerFailure('crash', `${fatal.origin}: ${fatal.error.name}: ${fatal.error.message}${where ? ` (${where})` : ''}`, fatal.error.stack);
  }
  if (signal) return new RunnerFailure('signal', `the code's runner was killed by signal ${signal}`);
  return new RunnerFailure('exit', `the code ended its runner process with exit(${code ?? ''})`);
}

function userFailure(error: ErrorPayload): RunnerFailure {
  const where = error.stack?.split('\n')[1]?.trim();
  return new RunnerFailure('error', `${error.name}: ${error.message}${where ? ` (${where})` : ''}`, error.stack);
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
