import { skipReasons, type ScheduleFire, type SkipReason } from '../../node-library/contract';

export interface FireLine {
  key: string;
  outcome: ScheduleFire['outcome'];
  text: string;
  runId?: string;
}

const time = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });

/**
 * Fires newest first as lines to read: consecutive skips for the same reason
 * fold into one ("missed 3 runs while the app was closed or asleep").
 */
export function fireLines(fires: readonly ScheduleFire[]): FireLine[] {
  const lines: FireLine[] = [];
  for (let i = 0; i < fires.length; i++) {
    const fire = fires[i];
    if (fire.outcome !== 'skipped') {
      const what = fire.outcome === 'failed' ? `could not start: ${fire.reason ?? 'unknown reason'}` : fire.outcome === 'queued' ? 'waiting to start' : 'ran';
      lines.push({ key: `${fire.slot}`, outcome: fire.outcome, text: `${time(fire.slot)}: ${what}`, runId: fire.runId });
      continue;
    }
    let j = i;
    while (j + 1 < fires.length && fires[j + 1].outcome === 'skipped' && fires[j + 1].reason === fire.reason) j++;
    const count = j - i + 1;
    const runs = count === 1 ? '1 run' : `${count} runs`;
    const span = count === 1 ? time(fire.slot) : `${time(fires[j].slot)} to ${time(fire.slot)}`;
    const text =
      fire.reason === 'missed'
        ? `missed ${runs} while the app was closed or asleep`
        : `skipped ${runs}: ${skipReasons[fire.reason as SkipReason] ?? fire.reason ?? 'no reason recorded'}`;
    lines.push({ key: `${fire.slot}`, outcome: 'skipped', text: `${text} (${span})` });
    i = j;
  }
  return lines;
}
