import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import type { CatchUpPolicy } from '../../../node-library/contract';
import { day, Harness, hour, minute, type ScheduleInput } from './harness';

/** A small seeded generator, so a failure replays exactly. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe'];
const start = Date.parse('2026-01-01T00:00:00Z');
const end = start + 365 * day;

function schedules(rand: () => number): Map<string, ScheduleInput> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const minuteOf = () => pick([0, 15, 30, 45]);
  const shapes = [
    () => `${minuteOf()} ${pick([1, 2, 3, 9, 13, 22])} * * *`,
    () => `${minuteOf()} ${pick([2, 8, 17])} * * ${pick(['1', '1-5', '0,6'])}`,
    () => `0 ${pick([0, 2, 12])} ${1 + Math.floor(rand() * 28)} * *`,
    () => `${minuteOf()} */6 * * *`,
  ];
  const weights = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 3];
  const out = new Map<string, ScheduleInput>();
  for (let i = 0; i < 50; i++) {
    const catchUp = pick(['skip', 'latest', 'all'] as const);
    out.set(`p${i}`, { cron: shapes[pick(weights)](), timezone: pick(zones), catchUp, catchUpMax: 1 + Math.floor(rand() * 5) });
  }
  return out;
}

/** When the scheduler was not ticking: from `down` (exclusive) until it ticked again at `back`. */
interface Absence {
  down: number;
  back: number;
}

/** What should have run and been skipped: croner's slots and the catch-up policy, nothing of the scheduler's. */
function oracle(schedule: ScheduleInput, absences: Absence[]) {
  const cron = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  const fired: number[] = [];
  const skipped: number[] = [];
  const late = new Map<Absence, number[]>();
  for (let next = cron.nextRun(new Date(start)); next && next.getTime() <= end; next = cron.nextRun(next)) {
    const slot = next.getTime();
    const absence = absences.find((a) => a.down < slot && slot <= a.back);
    if (!absence) fired.push(slot);
    else late.set(absence, [...(late.get(absence) ?? []), slot]);
  }
  for (const [absence, slots] of late) {
    const onTime = slots.filter((s) => absence.back - s <= minute);
    const missed = slots.filter((s) => absence.back - s > minute);
    const policy = schedule.catchUp as CatchUpPolicy;
    const caught = policy === 'all' ? missed.slice(-schedule.catchUpMax!) : policy === 'latest' && onTime.length === 0 ? missed.slice(-1) : [];
    fired.push(...onTime, ...caught);
    skipped.push(...missed.filter((s) => !caught.includes(s)));
  }
  return { fired: fired.sort((a, b) => a - b), skipped: skipped.sort((a, b) => a - b) };
}

describe('one simulated year', () => {
  it('50 schedules, random restarts, crashes and sleeps: zero duplicate and zero missing runs', { timeout: 240_000 }, async () => {
    const rand = random(20261122);
    const defined = schedules(rand);
    // The 30 s cap is tested on its own; here the timer sleeps until the next slot, or 6 h.
    const h = await Harness.open(start, { maxSleepMs: 6 * hour });
    for (const [id, schedule] of defined) h.set(id, schedule);
    await h.start();
    const absences: Absence[] = [];
    const lengths = [2 * minute, 5 * minute, 40 * minute, 3 * hour, 8 * hour, 30 * hour, 3 * day];
    while (h.clock.now() < end) {
      await h.clock.advance(Math.min(end - h.clock.now(), Math.floor(hour + rand() * 9 * day)));
      if (h.clock.now() >= end) break;
      const down = h.clock.now();
      const ms = Math.min(end - down - minute, Math.floor(lengths[Math.floor(rand() * lengths.length)] * (0.5 + rand())));
      const kind = rand();
      if (kind < 0.4) {
        await h.close();
        h.clock.skip(ms);
        await h.start();
      } else if (kind < 0.6) {
        await h.crashAndRestart(ms);
      } else {
        h.clock.jumpWall(ms);
        await h.resume();
      }
      absences.push({ down, back: h.clock.now() });
    }
    const fires = h.store.fires({ limit: 1_000_000 });
    await h.close();

    expect(absences.length).toBeGreaterThan(40);
    let totalRuns = 0;
    let totalSkipped = 0;
    for (const [id, schedule] of defined) {
      const expected = oracle(schedule, absences);
      const started = h.runs.slots(id).sort((a, b) => a - b);
      expect(new Set(started).size, `${id} ran a slot twice`).toBe(started.length);
      expect(started, `${id} (${schedule.cron}, ${schedule.timezone}, ${schedule.catchUp})`).toEqual(expected.fired);
      const skipped = fires.filter((f) => f.pipelineId === id && f.outcome === 'skipped').map((f) => f.slot).sort((a, b) => a - b);
      expect(skipped, `${id} skipped`).toEqual(expected.skipped);
      totalRuns += started.length;
      totalSkipped += skipped.length;
    }
    expect(totalRuns).toBeGreaterThan(10_000);
    expect(totalSkipped).toBeGreaterThan(100);
  });
});
