import { describe, expect, it } from 'vitest';
import type { OverlapPolicy } from '../../../node-library/contract';
import { day, Harness, hour, minute } from './harness';

const iso = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** Every 10 s, each run taking 25 s, for two minutes. */
async function overlapping(overlap: OverlapPolicy) {
  const h = await Harness.open('2026-01-05T10:00:00Z', { durationMs: () => 25_000 });
  h.set('p', { cron: '*/10 * * * * *', overlap });
  await h.start();
  await h.clock.advance(2 * minute - 1);
  const fires = h.store.fires({ pipelineId: 'p' }).reverse();
  await h.close();
  return { runs: h.runs, fires };
}

describe('overlap policies, with runs longer than the interval', () => {
  it('skip: never two at once; the fires in between are recorded as skipped', async () => {
    const { runs, fires } = await overlapping('skip');
    expect(runs.maxConcurrent('p')).toBe(1);
    expect(runs.started.map((r) => iso(r.slot))).toEqual(['10:00:10', '10:00:40', '10:01:10', '10:01:40']);
    expect(fires.filter((f) => f.outcome === 'skipped').map((f) => [iso(f.slot), f.reason])).toEqual(
      ['10:00:20', '10:00:30', '10:00:50', '10:01:00', '10:01:20', '10:01:30', '10:01:50'].map((t) => [t, 'overlap']),
    );
  });

  it('buffer_one: one fire waits and starts when the run ends; the rest are skipped', async () => {
    const { runs, fires } = await overlapping('buffer_one');
    expect(runs.maxConcurrent('p')).toBe(1);
    const started = runs.started.map((r) => [iso(r.slot), iso(r.startedAt)]);
    expect(started.slice(0, 3)).toEqual([
      ['10:00:10', '10:00:10'],
      ['10:00:20', '10:00:35'],
      ['10:00:40', '10:01:00'],
    ]);
    expect(fires.find((f) => iso(f.slot) === '10:00:30')).toMatchObject({ outcome: 'skipped', reason: 'overlap' });
  });

  it('cancel_previous: each fire cancels the run before it', async () => {
    const { runs } = await overlapping('cancel_previous');
    expect(runs.maxConcurrent('p')).toBe(1);
    expect(runs.started).toHaveLength(11);
    expect(runs.started.slice(0, -1).every((r) => r.cancelled)).toBe(true);
  });

  it('allow: runs overlap, every fire starts', async () => {
    const { runs } = await overlapping('allow');
    expect(runs.started).toHaveLength(11);
    expect(runs.maxConcurrent('p')).toBe(3);
  });
});

describe('clock steps', () => {
  for (const step of [hour, -hour, day, -day]) {
    it(`a step of ${step / hour} h fires no slot twice and leaves no slot unaccounted for`, async () => {
      const h = await Harness.open('2026-01-05T10:00:30Z');
      h.set('p', { cron: '*/5 * * * *', catchUp: 'latest' });
      await h.start();
      await h.clock.advance(20 * minute);
      h.clock.jumpWall(step);
      await h.clock.advance(Math.abs(step) + 30 * minute);
      const fires = h.store.fires({ pipelineId: 'p', limit: 10_000 });
      await h.close();
      const slots = h.runs.slots('p');
      expect(new Set(slots).size).toBe(slots.length);
      // Every slot from the start to now is either run or recorded as skipped, once.
      const every5 = (from: number, to: number) => Array.from({ length: Math.floor((to - from) / (5 * minute)) + 1 }, (_, i) => from + i * 5 * minute);
      const expected = every5(Date.parse('2026-01-05T10:05:00Z'), h.clock.now() - (h.clock.now() % (5 * minute)));
      const recorded = fires.map((f) => f.slot).sort((a, b) => a - b);
      expect(recorded).toEqual(expected);
      if (step < 0) {
        // Back in time: nothing fires while the clock replays handled time; then each slot at its time.
        expect(fires.map((f) => f.outcome)).toEqual(fires.map(() => 'started'));
        expect(h.runs.started.filter((r) => r.startedAt !== r.slot)).toEqual([]);
      } else {
        // Forward: the jumped-over slots are missed, the newest one caught up.
        expect(fires.filter((f) => f.outcome === 'skipped').length).toBe(step / (5 * minute) - 1);
      }
    });
  }
});
