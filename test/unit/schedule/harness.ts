import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { scheduleSchema, type Schedule } from '../../../node-library/contract';
import { leaseOwner, ScheduleStore } from '../../../node-library/schedule/schedule-store';
import { Scheduler, type ScheduledRuns, type ScheduleDefinition } from '../../../node-library/schedule/scheduler';
import { FakeClock } from './fake-clock';

// Real SQLite files; on tmpfs when there is one, so a simulated year of commits takes seconds.
const scratch = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export interface StartedRun {
  pipelineId: string;
  runId: string;
  slot: number;
  startedAt: number;
  endedAt?: number;
  cancelled?: boolean;
}

/** Runs that take `durationMs(pipelineId)` of fake time and record when they ran. */
export class FakeRuns implements ScheduledRuns {
  readonly started: StartedRun[] = [];
  readonly fail = new Set<string>();
  private readonly ends = new Map<string, () => void>();

  constructor(
    private readonly clock: FakeClock,
    private readonly durationMs: (pipelineId: string) => number = () => 0,
  ) {}

  private readonly runIds = new Set<string>();

  hasRun(runId: string): boolean {
    return this.runIds.has(runId);
  }

  /** A run started by a process that then died, before it could mark its fire. */
  startedElsewhere(run: StartedRun): void {
    this.started.push(run);
    this.runIds.add(run.runId);
  }

  async start(fire: { pipelineId: string; runId: string; slot: number }): Promise<{ done: Promise<unknown> }> {
    if (this.fail.has(fire.pipelineId)) throw new Error(`${fire.pipelineId} cannot start`);
    const run: StartedRun = { pipelineId: fire.pipelineId, runId: fire.runId, slot: fire.slot, startedAt: this.clock.now() };
    this.started.push(run);
    this.runIds.add(run.runId);
    const done = new Promise<void>((resolve) => {
      const end = () => {
        if (run.endedAt !== undefined) return;
        run.endedAt = this.clock.now();
        this.ends.delete(run.runId);
        resolve();
      };
      this.ends.set(run.runId, end);
      const ms = this.durationMs(fire.pipelineId);
      if (ms === 0) queueMicrotask(end);
      else this.clock.setTimer(ms, end);
    });
    return { done };
  }

  cancel(runId: string): void {
    const run = this.started.find((r) => r.runId === runId);
    if (run && run.endedAt === undefined) run.cancelled = true;
    this.ends.get(runId)?.();
  }

  /** The most runs of one pipeline that were running at the same instant. */
  maxConcurrent(pipelineId: string): number {
    const runs = this.started.filter((r) => r.pipelineId === pipelineId);
    return Math.max(0, ...runs.map((r) => runs.filter((o) => o.startedAt <= r.startedAt && (o.endedAt ?? Infinity) > r.startedAt).length));
  }

  slots(pipelineId: string): number[] {
    return this.started.filter((r) => r.pipelineId === pipelineId).map((r) => r.slot);
  }
}

export type ScheduleInput = Partial<Schedule> & { cron: string };

/** One database, a fake clock, fake runs, and a scheduler that can be closed, crashed and started again. */
export class Harness {
  readonly definitions: ScheduleDefinition[] = [];
  scheduler!: Scheduler;
  store!: ScheduleStore;
  private crashes = 0;

  private constructor(
    readonly file: string,
    readonly clock: FakeClock,
    readonly runs: FakeRuns,
    private readonly options: { maxSleepMs?: number },
  ) {}

  static async open(start: string | number, options: { durationMs?: (pipelineId: string) => number; maxSleepMs?: number } = {}): Promise<Harness> {
    const dir = await mkdtemp(path.join(scratch, 'pipewright-schedule-'));
    dirs.push(dir);
    const clock = new FakeClock(typeof start === 'number' ? start : Date.parse(start));
    const harness = new Harness(path.join(dir, 'history.sqlite'), clock, new FakeRuns(clock, options.durationMs), options);
    // Everything a tick starts settles within microtasks (SQLite is synchronous, fake runs end by
    // timer or microtask), and setImmediate runs only once they have all drained.
    clock.settle = async () => {
      await harness.scheduler?.whenIdle();
      await new Promise((resolve) => setImmediate(resolve));
      await harness.scheduler?.whenIdle();
    };
    return harness;
  }

  set(pipelineId: string, schedule: ScheduleInput | undefined, problem?: string): void {
    const index = this.definitions.findIndex((d) => d.pipelineId === pipelineId);
    const definition: ScheduleDefinition = { pipelineId, schedule: schedule && scheduleSchema.parse(schedule), problem };
    if (index >= 0) this.definitions[index] = definition;
    else this.definitions.push(definition);
  }

  /** A process starts: a new connection and scheduler, and its immediate tick. */
  async start(owner?: string): Promise<void> {
    this.store = ScheduleStore.open(this.file);
    this.scheduler = this.newScheduler(this.store, owner);
    await this.scheduler.start();
    await this.clock.settle();
  }

  newScheduler(store: ScheduleStore, owner?: string, runs: FakeRuns = this.runs): Scheduler {
    return new Scheduler({
      store,
      definitions: async () => this.definitions.map((d) => ({ ...d })),
      runs,
      clock: this.clock,
      maxSleepMs: this.options.maxSleepMs,
      keepFires: 1_000_000,
      owner,
    });
  }

  /** The app quits normally: the scheduler stops and hands its lease back. */
  async close(): Promise<void> {
    await this.scheduler.stop();
    this.store.close();
  }

  /**
   * The process dies and starts again `downMs` later: no clean stop, so its
   * lease stays behind. It played a process whose pid no longer exists, so the
   * next start may take over at once.
   */
  async crashAndRestart(downMs = 0): Promise<void> {
    await this.scheduler.stop();
    const deadOwner = leaseOwner(2 ** 22 + 1000 + this.crashes++, 'crashed');
    this.store.transaction(() => this.store.takeLease(deadOwner, this.clock.now(), 10 * 60_000));
    this.store.close();
    this.clock.skip(downMs);
    await this.start();
  }

  /** The machine wakes and the host says so (Electron's powerMonitor 'resume'). */
  async resume(): Promise<void> {
    await this.scheduler.tick();
    await this.clock.settle();
  }
}

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
