import { describe, expect, it } from 'vitest';
import { describeCron } from '../../../node-library/schedule/describe-cron';
import { fireLines } from '../../../renderer/inspector/fire-history';
import { planCatchUp, planOverlap } from '../../../node-library/schedule/policy';

describe('plain-language cron', () => {
  it.each([
    ['0 13 * * 1-5', 'At 13:00, Monday through Friday'],
    ['*/2 * * * * *', 'Every 2 seconds'],
    ['*/15 * * * *', 'Every 15 minutes'],
    ['0 * * * *', 'Every hour, on the hour'],
    ['30 6 1 * *', 'At 06:30, on day 1 of the month'],
    ['0 9 * * MON,FRI', 'At 09:00, on Monday, Friday'],
    ['0 0 1 1 *', 'At 00:00, on day 1 of the month, in January'],
  ])('%s reads "%s"', (cron, text) => {
    expect(describeCron(cron)).toBe(text);
  });
});

describe('policies', () => {
  const now = 10 * 60_000;
  it('catch-up: on-time slots always fire; missed ones by the policy', () => {
    const due = [60_000, 120_000, 180_000, now - 30_000];
    expect(planCatchUp(due, now, 'skip', 2).fire).toEqual([now - 30_000]);
    expect(planCatchUp(due, now, 'latest', 2)).toMatchObject({ fire: [now - 30_000], skip: [{ reason: 'missed' }, { reason: 'missed' }, { reason: 'missed' }] });
    expect(planCatchUp(due.slice(0, 3), now, 'latest', 2).fire).toEqual([180_000]);
    expect(planCatchUp(due, now, 'all', 2)).toMatchObject({ fire: [120_000, 180_000, now - 30_000], skip: [{ slot: 60_000, reason: 'catch_up_limit' }] });
  });

  it('overlap: only a busy pipeline is affected', () => {
    expect(planOverlap([1, 2], false, 0, 'skip').fire).toEqual([1, 2]);
    expect(planOverlap([1, 2], true, 0, 'skip')).toMatchObject({ fire: [], skip: [{ slot: 1 }, { slot: 2 }] });
    expect(planOverlap([1, 2], true, 0, 'buffer_one')).toMatchObject({ fire: [2], skip: [{ slot: 1 }] });
    expect(planOverlap([3], true, 1, 'buffer_one')).toMatchObject({ fire: [], skip: [{ slot: 3 }] });
    expect(planOverlap([1, 2], true, 0, 'cancel_previous')).toMatchObject({ fire: [2], replacePrevious: true });
    expect(planOverlap([1, 2], true, 0, 'allow').fire).toEqual([1, 2]);
  });
});

describe('fire history lines', () => {
  it('folds consecutive missed fires into one line', () => {
    const fire = (slot: number, outcome: 'started' | 'skipped', reason?: string) => ({ pipelineId: 'p', slot, outcome, reason, recordedAt: 0 });
    const lines = fireLines([fire(5, 'started'), fire(4, 'skipped', 'missed'), fire(3, 'skipped', 'missed'), fire(2, 'skipped', 'missed'), fire(1, 'skipped', 'overlap')]);
    expect(lines.map((l) => l.outcome)).toEqual(['started', 'skipped', 'skipped']);
    expect(lines[1].text).toMatch(/^missed 3 runs while the app was closed or asleep/);
    expect(lines[2].text).toMatch(/^skipped 1 run: the previous scheduled run was still running/);
  });
});
