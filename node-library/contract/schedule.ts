import * as z from 'zod';

export const catchUpPolicies = ['skip', 'latest', 'all'] as const;
export const overlapPolicies = ['skip', 'buffer_one', 'allow', 'cancel_previous'] as const;

/**
 * A pipeline's schedule, as stored in its file (it travels with git). What
 * the scheduler has handled so far lives in the run history, not here.
 */
export const scheduleSchema = z.strictObject({
  /** 5 fields (minute precision) or 6 (seconds first), read by croner. */
  cron: z.string().trim().min(1, 'a schedule needs a cron expression'),
  /** An IANA time zone such as Europe/Berlin, or UTC. */
  timezone: z.string().min(1).default('UTC'),
  enabled: z.boolean().default(true),
  /** Run parameters for scheduled runs, checked like a manual run's. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Fires missed while nothing was running: none, the newest one, or up to catchUpMax of the newest. */
  catchUp: z.enum(catchUpPolicies).default('latest'),
  catchUpMax: z.number().int().positive().max(1000).default(10),
  /** A fire while the previous scheduled run still runs: skip it, keep one waiting, run both, or cancel the old one. */
  overlap: z.enum(overlapPolicies).default('skip'),
});
export type Schedule = z.infer<typeof scheduleSchema>;
export type CatchUpPolicy = (typeof catchUpPolicies)[number];
export type OverlapPolicy = (typeof overlapPolicies)[number];

/** What became of one slot of one schedule. */
export type FireOutcome = 'queued' | 'started' | 'skipped' | 'failed';

export const skipReasons = {
  missed: 'missed while the app was closed or asleep',
  catch_up_limit: 'missed, beyond the catch-up maximum',
  overlap: 'the previous scheduled run was still running',
  cancelled: 'replaced by a newer fire before it started',
} as const;
export type SkipReason = keyof typeof skipReasons;

export interface ScheduleFire {
  pipelineId: string;
  /** The instant the cron expression named, epoch ms. */
  slot: number;
  outcome: FireOutcome;
  /** Why it was skipped, or why it failed to start. */
  reason?: string;
  runId?: string;
  recordedAt: number;
}

/** A fire instant as a person reads it: ISO local time with its UTC offset. */
export interface FireInstant {
  at: number;
  local: string;
}

export type SchedulePreview =
  | { ok: true; description: string; nextFires: FireInstant[]; dstRule: string }
  | { ok: false; problem: string };

/** One scheduled pipeline, for the pipeline list. */
export interface ScheduleSummary {
  pipelineId: string;
  enabled: boolean;
  cron: string;
  timezone: string;
  nextFire?: FireInstant;
  lastFire?: ScheduleFire;
  problem?: string;
}
