import { describe, expect, it } from 'vitest';
import { Harness, hour, minute } from './harness';

/**
 * The DST policy table (node-library/schedule/README.md), checked against an
 * oracle built from Intl alone: it walks the day minute by minute and reads
 * each instant's local wall time in the zone.
 *
 * - interval and hourly jobs fire at every instant whose local time matches:
 *   times in the gap never occur, repeated times occur twice;
 * - a fixed-time job fires once: at the first instant showing its time, or,
 *   when the time falls in the gap, at the first instant after the gap.
 */
interface Transition {
  zone: string;
  /** An instant a few hours before the change. */
  before: string;
  kind: 'gap' | 'repeat';
  /** A fixed time that falls in the gap or in the repeated stretch. */
  fixed: { hour: number; minute: number };
}

const transitions: Transition[] = [
  { zone: 'America/New_York', before: '2026-03-08T03:00:00Z', kind: 'gap', fixed: { hour: 2, minute: 30 } },
  { zone: 'America/New_York', before: '2026-11-01T02:00:00Z', kind: 'repeat', fixed: { hour: 1, minute: 30 } },
  { zone: 'Europe/Berlin', before: '2026-03-28T21:00:00Z', kind: 'gap', fixed: { hour: 2, minute: 30 } },
  { zone: 'Europe/Berlin', before: '2026-10-24T21:00:00Z', kind: 'repeat', fixed: { hour: 2, minute: 30 } },
  { zone: 'Australia/Sydney', before: '2026-10-03T12:00:00Z', kind: 'gap', fixed: { hour: 2, minute: 30 } },
  { zone: 'Australia/Sydney', before: '2026-04-04T12:00:00Z', kind: 'repeat', fixed: { hour: 2, minute: 30 } },
  // Lord Howe moves its clocks by 30 minutes.
  { zone: 'Australia/Lord_Howe', before: '2026-10-03T11:00:00Z', kind: 'gap', fixed: { hour: 2, minute: 15 } },
  { zone: 'Australia/Lord_Howe', before: '2026-04-04T11:00:00Z', kind: 'repeat', fixed: { hour: 1, minute: 45 } },
];

const window = 10 * hour;

function localTime(at: number, zone: string): { day: string; hour: number; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
}

function oracle(start: number, zone: string, job: { kind: 'every'; matches: (h: number, m: number) => boolean } | { kind: 'fixed'; hour: number; minute: number }): number[] {
  const instants: { at: number; day: string; hour: number; minute: number }[] = [];
  for (let at = start + minute; at <= start + window; at += minute) instants.push({ at, ...localTime(at, zone) });
  if (job.kind === 'every') return instants.filter((i) => job.matches(i.hour, i.minute)).map((i) => i.at);
  const target = job.hour * 60 + job.minute;
  const exact = instants.find((i) => i.hour * 60 + i.minute === target);
  if (exact) return [exact.at];
  // In the gap: the first instant after it, on the day the gap was in.
  const gapDay = instants.find((i, n) => n > 0 && i.hour * 60 + i.minute - (instants[n - 1].hour * 60 + instants[n - 1].minute) > 1)!.day;
  const after = instants.find((i) => i.day === gapDay && i.hour * 60 + i.minute > target);
  return after ? [after.at] : [];
}

const jobs = [
  { name: 'an interval job (*/15)', cron: '*/15 * * * *', oracle: { kind: 'every' as const, matches: (_h: number, m: number) => m % 15 === 0 } },
  { name: 'an hourly job', cron: '0 * * * *', oracle: { kind: 'every' as const, matches: (_h: number, m: number) => m === 0 } },
];

const iso = (ms: number) => new Date(ms).toISOString();

async function firesOver(t: Transition, cron: string): Promise<number[]> {
  const start = Date.parse(t.before);
  const h = await Harness.open(start);
  h.set('p', { cron, timezone: t.zone });
  await h.start();
  await h.clock.advance(window);
  await h.close();
  const slots = h.runs.slots('p');
  // Every run started at its slot: nothing was late, early or doubled.
  expect(h.runs.started.every((r) => r.startedAt === r.slot)).toBe(true);
  return slots;
}

describe('DST matrix', () => {
  for (const t of transitions) {
    describe(`${t.zone}, clocks ${t.kind === 'gap' ? 'spring forward' : 'fall back'}`, () => {
      const fixedCron = `${t.fixed.minute} ${t.fixed.hour} * * *`;
      it(`fixed time ${fixedCron} in the ${t.kind === 'gap' ? 'gap' : 'repeated hour'} fires once`, async () => {
        const expected = oracle(Date.parse(t.before), t.zone, { kind: 'fixed', ...t.fixed });
        expect(expected).toHaveLength(1);
        expect((await firesOver(t, fixedCron)).map(iso)).toEqual(expected.map(iso));
      });
      for (const job of jobs) {
        it(`${job.name} follows local time`, async () => {
          expect((await firesOver(t, job.cron)).map(iso)).toEqual(oracle(Date.parse(t.before), t.zone, job.oracle).map(iso));
        });
      }
    });
  }

  it('anchors the table with hand-checked instants', async () => {
    // New York: 02:30 does not exist on 8 March; it runs at 03:00 EDT.
    expect((await firesOver(transitions[0], '30 2 * * *')).map(iso)).toEqual(['2026-03-08T07:00:00.000Z']);
    // New York: 01:30 happens twice on 1 November; it runs at the first, 01:30 EDT.
    expect((await firesOver(transitions[1], '30 1 * * *')).map(iso)).toEqual(['2026-11-01T05:30:00.000Z']);
    // Lord Howe: 02:15 is in the half-hour gap; it runs at 02:30 +11:00.
    expect((await firesOver(transitions[6], '15 2 * * *')).map(iso)).toEqual(['2026-10-03T15:30:00.000Z']);
    // Berlin: an hourly job runs at both 02:00 CEST and 02:00 CET.
    const berlinHours = (await firesOver(transitions[3], '0 * * * *')).map(iso);
    expect(berlinHours).toContain('2026-10-25T00:00:00.000Z');
    expect(berlinHours).toContain('2026-10-25T01:00:00.000Z');
  });
});
