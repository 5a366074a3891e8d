import type { CatchUpPolicy, OverlapPolicy, SkipReason } from '../contract';

/**
 * How late a slot may be handled and still count as on time. The tick loop
 * wakes at each slot, so only a closed app, a sleeping machine or a clock
 * change makes a slot later than this.
 */
export const onTimeGraceMs = 60_000;

export interface SlotPlan {
  fire: number[];
  skip: { slot: number; reason: SkipReason }[];
}

/**
 * The catch-up policy over the slots due since the last handled one (oldest
 * first): on-time slots always fire; missed ones fire by the policy.
 */
export function planCatchUp(due: readonly number[], now: number, policy: CatchUpPolicy, max: number): SlotPlan {
  const onTime = due.filter((slot) => now - slot <= onTimeGraceMs);
  const missed = due.filter((slot) => now - slot > onTimeGraceMs);
  let caughtUp: number[] = [];
  if (policy === 'latest' && onTime.length === 0) caughtUp = missed.slice(-1);
  if (policy === 'all') caughtUp = missed.slice(-max);
  const skip = missed
    .filter((slot) => !caughtUp.includes(slot))
    .map((slot) => ({ slot, reason: (policy === 'all' ? 'catch_up_limit' : 'missed') as SkipReason }));
  return { fire: [...caughtUp, ...onTime], skip };
}

export interface OverlapPlan extends SlotPlan {
  /** Cancel the pipeline's running scheduled runs and drop its waiting fires. */
  replacePrevious: boolean;
}

/**
 * The overlap policy for slots that fire while the pipeline is busy (a
 * scheduled run running or waiting). Fires of one tick never overlap each
 * other: they wait and run one after another.
 */
export function planOverlap(fire: readonly number[], busy: boolean, waiting: number, policy: OverlapPolicy): OverlapPlan {
  const keepAll = { fire: [...fire], skip: [], replacePrevious: false };
  if (!busy || policy === 'allow' || fire.length === 0) return keepAll;
  const newest = fire[fire.length - 1];
  const older = fire.slice(0, -1).map((slot) => ({ slot, reason: 'overlap' as const }));
  switch (policy) {
    case 'skip':
      return { fire: [], skip: fire.map((slot) => ({ slot, reason: 'overlap' as const })), replacePrevious: false };
    case 'buffer_one':
      if (waiting > 0) return { fire: [], skip: fire.map((slot) => ({ slot, reason: 'overlap' as const })), replacePrevious: false };
      return { fire: [newest], skip: older, replacePrevious: false };
    case 'cancel_previous':
      return { fire: [newest], skip: older, replacePrevious: true };
  }
}
