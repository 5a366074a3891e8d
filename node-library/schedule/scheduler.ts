import { randomUUID } from 'node:crypto';
import type { Cron } from 'croner';
import type { ParamValue, Schedule, ScheduleSummary } from '../contract';
import { systemClock, type Clock } from './clock';
import { planCatchUp, planOverlap } from './policy';
import { leaseOwner, type QueuedFire, type ScheduleStore } from './schedule-store';
import { compileCron, formatLocal, nextSlot, slotsBetween } from './slots';

/** A pipeline as the scheduler sees it. No schedule and a problem: the file could not be read, its state is kept. */
export interface ScheduleDefinition {
  pipelineId: string;
  schedule?: Schedule;
  problem?: string;
}

/** What the scheduler needs of the run service. */
export interface ScheduledRuns {
  /** True when a run with this id exists: started just before a crash, before its fire was marked. */
  hasRun(runId: string): boolean;
  /** Starts the run under this id; `done` settles when it ends. Throws when it cannot start. */
  start(fire: { pipelineId: string; runId: string; slot: number; params: Record<string, ParamValue> }): Promise<{ done: Promise<unknown> }>;
  cancel(runId: string): void;
}

export interface SchedulerOptions {
  store: ScheduleStore;
  /** Read every tick, so an edited schedule takes effect within one tick. */
  definitions: () => Promise<ScheduleDefinition[]>;
  runs: ScheduledRuns;
  clock?: Clock;
  /** The longest the timer sleeps, so a wake from suspend is noticed soon; 30 s. */
  maxSleepMs?: number;
  newRunId?: () => string;
  /** Fires kept per pipeline; older ones are pruned at start. */
  keepFires?: number;
  /** Who holds the lease; this process by default (tests play other processes). */
  owner?: string;
  onError?: (error: unknown) => void;
}

/**
 * The one scheduler of a database. Each tick, in one transaction: take the
 * lease, enumerate each schedule's due slots with croner, apply catch-up and
 * overlap policies, record every fire and skip under UNIQUE (pipeline, slot),
 * advance the last slot. Runs start after the commit. See README.md.
 */
export class Scheduler {
  private readonly clock: Clock;
  private readonly maxSleepMs: number;
  private readonly leaseMs: number;
  private readonly owner: string;
  private definitions = new Map<string, ScheduleDefinition>();
  private readonly problems = new Map<string, string>();
  private readonly compiled = new Map<string, Cron>();
  /** The last answer of croner's nextRun per expression (~0.3 ms a call): valid for any t in [from, next). */
  private readonly nextMemo = new Map<string, { from: number; next: number | undefined }>();
  /** Scheduled runs started here and not finished, by pipeline. */
  private readonly active = new Map<string, Set<string>>();
  private ticking: Promise<void> | undefined;
  private tickAgain = false;
  private pumping: Promise<void> = Promise.resolve();
  private cancelTimer: (() => void) | undefined;
  private stopped = false;
  private leader = false;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.owner = options.owner ?? leaseOwner(process.pid, randomUUID());
    this.maxSleepMs = options.maxSleepMs ?? 30_000;
    // Renewed every tick; outlives a few missed ticks, not a closed app.
    this.leaseMs = Math.max(90_000, 3 * this.maxSleepMs);
  }

  /** The immediate tick at start: also starts fires a crash left queued. */
  start(): Promise<void> {
    this.options.store.transaction(() => this.options.store.prune(this.options.keepFires ?? 1000));
    return this.tick();
  }

  /** On resume from sleep, and whenever a schedule may have changed. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.ticking) {
      this.tickAgain = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      do {
        this.tickAgain = false;
        await this.tickOnce();
      } while (this.tickAgain && !this.stopped);
    })().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  /** Resolves when no tick and no start is in progress. */
  async whenIdle(): Promise<void> {
    while (this.ticking) await this.ticking;
    await this.pumping;
  }

  /** Stops ticking and hands the lease back; runs already started go on. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    await this.whenIdle();
    if (this.leader) this.options.store.transaction(() => this.options.store.releaseLease(this.owner));
  }

  /** Every scheduled pipeline with its next and last fire, as of the last tick. */
  summaries(): ScheduleSummary[] {
    const now = this.clock.now();
    return [...this.definitions.values()].flatMap(({ pipelineId, schedule, problem }) => {
      if (!schedule) return [];
      const summary: ScheduleSummary = { pipelineId, enabled: schedule.enabled, cron: schedule.cron, timezone: schedule.timezone };
      const lastFire = this.options.store.fires({ pipelineId, limit: 1 })[0];
      if (lastFire) summary.lastFire = lastFire;
      const why = problem ?? this.problems.get(pipelineId);
      if (why) summary.problem = why;
      const cron = why ? undefined : this.cron(schedule);
      const next = cron && schedule.enabled ? nextSlot(cron, now) : undefined;
      if (next !== undefined) summary.nextFire = formatLocal(next, schedule.timezone);
      return [summary];
    });
  }

  private async tickOnce(): Promise<void> {
    this.cancelTimer?.();
    const { store } = this.options;
    try {
      const definitions = await this.options.definitions();
      this.definitions = new Map(definitions.map((d) => [d.pipelineId, d]));
      this.problems.clear();
      for (const { pipelineId, schedule } of definitions) {
        try {
          if (schedule) this.cron(schedule);
        } catch (error) {
          this.problems.set(pipelineId, (error as Error).message);
        }
      }
      const now = this.clock.now();
      const replaced: string[] = [];
      this.leader = store.transaction(() => {
        if (!store.takeLease(this.owner, now, this.leaseMs)) return false;
        for (const definition of definitions) {
          // One pipeline's failure is noted (its writes undone, in a savepoint), the others go on.
          try {
            this.planPipeline(definition, now, replaced);
          } catch (error) {
            this.problems.set(definition.pipelineId, (error as Error).message);
          }
        }
        for (const pipelineId of store.statePipelines()) if (!this.definitions.has(pipelineId)) store.forget(pipelineId);
        return true;
      });
      if (!this.leader) return;
      for (const pipelineId of replaced) for (const runId of this.active.get(pipelineId) ?? []) this.options.runs.cancel(runId);
      await this.pump();
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.arm();
    }
  }

  /** One pipeline's part of a tick. */
  private planPipeline({ pipelineId, schedule }: ScheduleDefinition, now: number, replaced: string[]): void {
    const { store } = this.options;
    if (!schedule || this.problems.has(pipelineId)) return;
    const cron = this.cron(schedule);
    // Enabled is part of it: a schedule switched back on starts afresh rather than catching up.
    const definition = JSON.stringify([schedule.cron.trim(), schedule.timezone, schedule.enabled]);
    const state = store.state(pipelineId);
    // New or edited: nothing before now fires, and the old expression never fires again.
    if (!state || state.definition !== definition) return store.setState(pipelineId, definition, now);
    if (!schedule.enabled) return;
    // After the clock stepped back, slots up to the last handled one are already handled.
    if (state.lastSlot >= now) return;
    const first = this.nextAfter(schedule, state.lastSlot);
    if (first === undefined || first > now) return;
    const { slots, next } = slotsBetween(cron, state.lastSlot, now, first);
    this.nextMemo.set(cronKey(schedule), { from: slots[slots.length - 1], next });
    const catchUp = planCatchUp(slots, now, schedule.catchUp, schedule.catchUpMax);
    const waiting = store.countQueued(pipelineId);
    const busy = waiting + (this.active.get(pipelineId)?.size ?? 0) > 0;
    const overlap = planOverlap(catchUp.fire, busy, waiting, schedule.overlap);
    store.savepoint(() => {
      if (overlap.replacePrevious) store.cancelQueued(pipelineId);
      store.record(pipelineId, { fire: overlap.fire, skip: [...catchUp.skip, ...overlap.skip] }, now, this.options.newRunId ?? (() => `run_${randomUUID()}`));
      store.setState(pipelineId, definition, slots[slots.length - 1]);
    });
    if (overlap.replacePrevious) replaced.push(pipelineId);
  }

  /** Starts queued fires, one at a time per pipeline unless its overlap policy allows more. */
  private pump(): Promise<void> {
    this.pumping = this.pumping
      .then(async () => {
        for (const fire of this.options.store.queued()) {
          if (this.stopped || !this.leader) return;
          const allow = this.definitions.get(fire.pipelineId)?.schedule?.overlap === 'allow';
          if (!allow && (this.active.get(fire.pipelineId)?.size ?? 0) > 0) continue;
          await this.startFire(fire);
        }
      })
      // Reported, and the chain stays usable: the fires stay queued for the next pump.
      .catch((error: unknown) => this.options.onError?.(error));
    return this.pumping;
  }

  private async startFire(fire: QueuedFire): Promise<void> {
    const { store, runs } = this.options;
    if (runs.hasRun(fire.runId)) {
      store.settle(fire.runId, 'started');
      return;
    }
    const definition = this.definitions.get(fire.pipelineId);
    if (!definition?.schedule) {
      store.settle(fire.runId, 'failed', definition?.problem ?? 'the pipeline has no schedule any more');
      return;
    }
    try {
      const { done } = await runs.start({ pipelineId: fire.pipelineId, runId: fire.runId, slot: fire.slot, params: definition.schedule.params });
      store.settle(fire.runId, 'started');
      const active = this.active.get(fire.pipelineId) ?? new Set<string>();
      this.active.set(fire.pipelineId, active.add(fire.runId));
      void done
        .catch(() => undefined)
        .then(() => {
          active.delete(fire.runId);
          if (!this.stopped) return this.pump();
        });
    } catch (error) {
      store.settle(fire.runId, 'failed', (error as Error).message);
    }
  }

  /** Sleeps until the next slot of any schedule, never longer than maxSleepMs. */
  private arm(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    let next = now + this.maxSleepMs;
    for (const { pipelineId, schedule } of this.definitions.values()) {
      if (!schedule?.enabled || this.problems.has(pipelineId)) continue;
      next = Math.min(next, this.nextAfter(schedule, now) ?? next);
    }
    this.cancelTimer = this.clock.setTimer(Math.max(0, next - now), () => void this.tick());
  }

  private nextAfter(schedule: Schedule, after: number): number | undefined {
    const key = cronKey(schedule);
    const memo = this.nextMemo.get(key);
    if (memo && memo.from <= after && (memo.next === undefined || after < memo.next)) return memo.next;
    const next = nextSlot(this.cron(schedule), after);
    this.nextMemo.set(key, { from: after, next });
    return next;
  }

  private cron(schedule: Schedule): Cron {
    const key = cronKey(schedule);
    let cron = this.compiled.get(key);
    if (!cron) {
      cron = compileCron(schedule.cron.trim(), schedule.timezone);
      this.compiled.set(key, cron);
    }
    return cron;
  }
}

const cronKey = (schedule: Schedule) => `${schedule.cron.trim()}\n${schedule.timezone}`;
