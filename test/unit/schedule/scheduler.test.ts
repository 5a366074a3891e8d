import { describe, expect, it } from 'vitest';
import { ScheduleStore } from '../../../node-library/schedule/schedule-store';
import { FakeRuns, Harness, minute } from './harness';

const iso = (ms: number) => new Date(ms).toISOString();

describe('scheduler', () => {
  it('fires each slot once, at its time, with trigger-ready run ids', async () => {
    const h = await Harness.open('2026-01-05T10:00:30Z');
    h.set('p', { cron: '*/5 * * * *' });
    await h.start();
    await h.clock.advance(16 * minute);
    expect(h.runs.started.map((r) => iso(r.slot))).toEqual(['2026-01-05T10:05:00.000Z', '2026-01-05T10:10:00.000Z', '2026-01-05T10:15:00.000Z']);
    expect(h.runs.started.every((r) => r.startedAt === r.slot)).toBe(true);
    expect(h.store.fires({ pipelineId: 'p' }).map((f) => f.outcome)).toEqual(['started', 'started', 'started']);
    await h.close();
  });

  it('notices a wake from sleep within 30 s of monotonic time, with no resume event', async () => {
    const h = await Harness.open('2026-01-05T10:00:00Z');
    h.set('p', { cron: '0 * * * *', catchUp: 'latest' });
    await h.start();
    await h.clock.advance(10 * minute);
    h.clock.jumpWall(3 * 60 * minute); // asleep for 3 hours: the timer does not move
    await h.clock.advance(29_000);
    expect(h.runs.started).toHaveLength(0);
    await h.clock.advance(1_000);
    expect(h.runs.started.map((r) => iso(r.slot))).toEqual(['2026-01-05T13:00:00.000Z']);
    await h.close();
  });

  it('takes an edited cron expression within one tick and never fires the old one again', async () => {
    const h = await Harness.open('2026-01-05T10:00:30Z');
    h.set('p', { cron: '*/10 * * * *' });
    await h.start();
    await h.clock.advance(10 * minute);
    h.set('p', { cron: '*/15 * * * *' });
    await h.clock.advance(50 * minute);
    expect(h.runs.started.map((r) => iso(r.slot))).toEqual(['2026-01-05T10:10:00.000Z', '2026-01-05T10:15:00.000Z', '2026-01-05T10:30:00.000Z', '2026-01-05T10:45:00.000Z', '2026-01-05T11:00:00.000Z']);
    await h.close();
  });

  it('stops firing when disabled and does not catch up when enabled again', async () => {
    const h = await Harness.open('2026-01-05T10:00:30Z');
    h.set('p', { cron: '*/10 * * * *', catchUp: 'all' });
    await h.start();
    await h.clock.advance(10 * minute);
    h.set('p', { cron: '*/10 * * * *', catchUp: 'all', enabled: false });
    await h.clock.advance(60 * minute);
    expect(h.runs.started).toHaveLength(1);
    h.set('p', { cron: '*/10 * * * *', catchUp: 'all', enabled: true });
    await h.scheduler.tick();
    await h.clock.advance(11 * minute);
    expect(h.runs.started.map((r) => iso(r.slot))).toEqual(['2026-01-05T10:10:00.000Z', '2026-01-05T11:20:00.000Z']);
    await h.close();
  });

  it('keeps other schedules firing when one pipeline is broken', async () => {
    const h = await Harness.open('2026-01-05T10:00:30Z');
    h.set('good', { cron: '*/5 * * * *' });
    h.set('bad-cron', { cron: '61 * * * *' });
    h.set('bad-zone', { cron: '*/5 * * * *', timezone: 'Mars/Olympus' });
    h.set('unreadable', undefined, 'the pipeline file could not be read: Unexpected token');
    h.set('cannot-start', { cron: '*/5 * * * *' });
    h.runs.fail.add('cannot-start');
    await h.start();
    await h.clock.advance(11 * minute);
    expect(h.runs.slots('good').map(iso)).toEqual(['2026-01-05T10:05:00.000Z', '2026-01-05T10:10:00.000Z']);
    const failed = h.store.fires({ pipelineId: 'cannot-start' });
    expect(failed.map((f) => [f.outcome, f.reason])).toEqual([
      ['failed', 'cannot-start cannot start'],
      ['failed', 'cannot-start cannot start'],
    ]);
    const problems = Object.fromEntries(h.scheduler.summaries().map((s) => [s.pipelineId, s.problem]));
    expect(problems['bad-cron']).toMatch(/minute/);
    expect(problems['bad-zone']).toMatch(/Mars\/Olympus/);
    expect(problems.good).toBeUndefined();
    await h.close();
  });

  it('lets only one scheduler per database fire: a second waits for the lease, then takes over', async () => {
    const h = await Harness.open('2026-01-05T10:00:30Z');
    h.set('p', { cron: '* * * * *' });
    await h.start();
    const otherStore = ScheduleStore.open(h.file);
    const otherRuns = new FakeRuns(h.clock);
    const other = h.newScheduler(otherStore, undefined, otherRuns);
    await other.start();
    await h.clock.advance(5 * minute);
    // Both tick at every slot; only the lease holder fires.
    expect(h.runs.started).toHaveLength(5);
    expect(otherRuns.started).toHaveLength(0);
    await h.close(); // hands the lease back
    await h.clock.advance(3 * minute);
    expect(otherRuns.started.map((r) => iso(r.slot))).toEqual(['10:06', '10:07', '10:08'].map((t) => `2026-01-05T${t}:00.000Z`));
    await other.stop();
    otherStore.close();
  });

  it('starts a fire a crash left queued on the next start, once', async () => {
    const h = await Harness.open('2026-01-05T10:00:30Z');
    h.set('p', { cron: '0 * * * *' });
    await h.start();
    // As if a tick committed its fires and the process died before starting them.
    const slot = Date.parse('2026-01-05T09:00:00Z');
    const [queued] = h.store.transaction(() => h.store.record('p', { fire: [slot], skip: [] }, h.clock.now(), () => 'run_left_queued'));
    // And one whose run started but whose fire was not yet marked.
    const [half] = h.store.transaction(() => h.store.record('p', { fire: [slot - 60 * minute], skip: [] }, h.clock.now(), () => 'run_half_started'));
    h.runs.startedElsewhere({ pipelineId: 'p', runId: half.runId, slot: half.slot, startedAt: h.clock.now(), endedAt: h.clock.now() });
    await h.crashAndRestart();
    await h.crashAndRestart();
    expect(h.runs.started.filter((r) => r.runId === queued.runId)).toHaveLength(1);
    expect(h.runs.started.filter((r) => r.runId === half.runId)).toHaveLength(1);
    expect(h.store.fires({ pipelineId: 'p' }).map((f) => f.outcome)).toEqual(['started', 'started']);
    await h.close();
  });
});
