import { describe, expect, it } from 'vitest';
import type { CatchUpPolicy } from '../../../node-library/contract';
import { day, Harness, hour, minute } from './harness';

/**
 * Every 5 minutes; the app runs 10:00-10:12, then is closed (or the machine
 * sleeps) for a while, then runs 15 more minutes. Slots while it was away are
 * missed: n of them, all but the newest older than a minute at wake.
 */
const absences = [
  { name: '5 minutes', ms: 5 * minute, missed: 1 },
  { name: '8 hours', ms: 8 * hour, missed: 96 },
  { name: '3 days', ms: 3 * day, missed: 864 },
];

const expectations: Record<CatchUpPolicy, (missed: number) => { caughtUp: number; reason: string }> = {
  skip: () => ({ caughtUp: 0, reason: 'missed' }),
  latest: () => ({ caughtUp: 1, reason: 'missed' }),
  all: (missed) => ({ caughtUp: Math.min(missed, 10), reason: 'catch_up_limit' }),
};

async function away(mode: 'closed' | 'asleep', policy: CatchUpPolicy, ms: number) {
  const h = await Harness.open('2026-01-05T10:00:30Z');
  h.set('p', { cron: '*/5 * * * *', catchUp: policy, catchUpMax: 10 });
  await h.start();
  await h.clock.advance(11 * minute + 30_000); // 10:12:00
  const back = h.clock.now() + ms;
  if (mode === 'closed') {
    await h.close();
    h.clock.skip(ms);
    await h.start();
  } else {
    h.clock.jumpWall(ms);
    await h.resume();
  }
  await h.clock.advance(15 * minute);
  const fires = h.store.fires({ pipelineId: 'p', limit: 10_000 });
  await h.close();
  return { h, back, fires };
}

describe('catch-up after the app was away', () => {
  for (const mode of ['closed', 'asleep'] as const) {
    for (const absence of absences) {
      for (const policy of ['skip', 'latest', 'all'] as const) {
        it(`${mode} for ${absence.name}, catch-up ${policy}`, async () => {
          const { h, back, fires } = await away(mode, policy, absence.ms);
          const { caughtUp, reason } = expectations[policy](absence.missed);
          const missedSlots = Array.from({ length: absence.missed }, (_, i) => Date.parse('2026-01-05T10:15:00Z') + i * 5 * minute);
          const started = h.runs.started;
          // Before: 10:05, 10:10. Caught up: the newest `caughtUp` missed slots, at the moment of return.
          const caught = started.filter((r) => r.startedAt === back);
          expect(caught.map((r) => r.slot)).toEqual(missedSlots.slice(missedSlots.length - caughtUp));
          // After: every slot on time again, three of them in 15 minutes.
          const after = started.filter((r) => r.startedAt > back);
          expect(after).toHaveLength(3);
          expect(after.every((r) => r.startedAt === r.slot)).toBe(true);
          expect(started).toHaveLength(2 + caughtUp + 3);
          // Every missed slot not run is recorded as skipped, with the reason.
          const skipped = fires.filter((f) => f.outcome === 'skipped');
          expect(skipped.map((f) => f.slot).sort((a, b) => a - b)).toEqual(missedSlots.slice(0, missedSlots.length - caughtUp));
          expect(new Set(skipped.map((f) => f.reason))).toEqual(new Set(skipped.length ? [reason] : []));
          expect(new Set(started.map((r) => r.slot)).size).toBe(started.length);
        });
      }
    }
  }

  it('asleep without a resume event: the capped timer catches up within 30 s of waking', async () => {
    const h = await Harness.open('2026-01-05T10:00:30Z');
    h.set('p', { cron: '*/5 * * * *', catchUp: 'latest' });
    await h.start();
    await h.clock.advance(11 * minute + 30_000);
    h.clock.jumpWall(8 * hour);
    await h.clock.advance(30_000);
    expect(h.runs.started.map((r) => new Date(r.slot).toISOString())).toEqual(['2026-01-05T10:05:00.000Z', '2026-01-05T10:10:00.000Z', '2026-01-05T18:10:00.000Z']);
    await h.close();
  });
});
