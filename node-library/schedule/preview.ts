import { scheduleSchema, type SchedulePreview } from '../contract';
import { describeCron } from './describe-cron';
import { compileCron, dstRule, formatLocal } from './slots';

/** A draft schedule as the schedule panel shows it, or the first thing wrong with it. */
export function previewSchedule(draft: unknown, now: number, count = 5): SchedulePreview {
  const parsed = scheduleSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue.path.join('.') || 'schedule'}: ${issue.message}` };
  }
  const { cron: pattern, timezone } = parsed.data;
  const fields = pattern.split(/\s+/).length;
  if (fields !== 5 && fields !== 6) return { ok: false, problem: `a cron expression has 5 fields (minute first) or 6 (second first), not ${fields}` };
  try {
    const cron = compileCron(pattern, timezone);
    const nextFires = cron.nextRuns(count, new Date(now)).map((date) => formatLocal(date.getTime(), timezone));
    return { ok: true, description: describeCron(pattern), nextFires, dstRule: dstRule(pattern, timezone, now) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}
