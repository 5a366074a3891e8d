import type { FireOutcome, ScheduleFire } from '../contract';
import { thisHost } from '../store/interrupt-dead-runs';
import { openDatabase, type SqliteDatabase, type SqliteStatement } from '../store/database';
import type { SlotPlan } from './policy';

interface FireRow {
  pipeline_id: string;
  slot: number;
  outcome: string;
  reason: string | null;
  run_id: string | null;
  recorded_at: number;
}

export interface QueuedFire {
  pipelineId: string;
  slot: number;
  runId: string;
}

const fireColumns = 'pipeline_id, slot, outcome, reason, run_id, recorded_at';

function toFire(row: FireRow): ScheduleFire {
  const fire: ScheduleFire = { pipelineId: row.pipeline_id, slot: row.slot, outcome: row.outcome as FireOutcome, recordedAt: row.recorded_at };
  if (row.reason !== null) fire.reason = row.reason;
  if (row.run_id !== null) fire.runId = row.run_id;
  return fire;
}

/** Owners are `host:pid:nonce`; a holder on this machine whose process is gone left its lease behind. */
export function leaseOwner(pid: number, nonce: string): string {
  return `${thisHost}:${pid}:${nonce}`;
}

function holderDied(owner: string): boolean {
  const [nonceStart, pidStart] = [owner.lastIndexOf(':'), owner.lastIndexOf(':', owner.lastIndexOf(':') - 1)];
  if (owner.slice(0, pidStart) !== thisHost) return false;
  const pid = Number(owner.slice(pidStart + 1, nonceStart));
  if (!Number.isInteger(pid) || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/**
 * The scheduler's truth in SQLite (the run history file, its own connection):
 * the last slot handled per pipeline, every fire and skip, and the lease.
 */
export class ScheduleStore {
  private readonly queries = new Map<string, SqliteStatement>();
  // Built once: better-sqlite3 builds a wrapper per transaction() call, which a tick per slot feels.
  private readonly inTransaction;

  private constructor(private readonly db: SqliteDatabase) {
    this.inTransaction = db.transaction((work: () => unknown) => work());
  }

  static open(file: string): ScheduleStore {
    return new ScheduleStore(openDatabase(file));
  }

  /** Runs `work` in one write transaction, taken at once so two schedulers never interleave. */
  transaction<T>(work: () => T): T {
    return this.inTransaction.immediate(work) as T;
  }

  /** Inside a transaction: `work` is undone alone when it throws. */
  savepoint<T>(work: () => T): T {
    return this.inTransaction(work) as T;
  }

  /** Takes or renews the lease; false while another live scheduler holds it. */
  takeLease(owner: string, now: number, leaseMs: number): boolean {
    const holder = this.query('SELECT owner, expires_at FROM scheduler_lease WHERE id = 1').get() as { owner: string; expires_at: number } | undefined;
    if (holder && holder.owner !== owner && holder.expires_at > now && !holderDied(holder.owner)) return false;
    // Renewed at half-life only, so a tick with nothing due writes nothing (no commit to fsync).
    if (holder?.owner === owner && holder.expires_at - now > leaseMs / 2) return true;
    this.query('INSERT INTO scheduler_lease (id, owner, expires_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at').run(owner, now + leaseMs);
    return true;
  }

  releaseLease(owner: string): void {
    this.query('DELETE FROM scheduler_lease WHERE owner = ?').run(owner);
  }

  state(pipelineId: string): { definition: string; lastSlot: number } | undefined {
    const row = this.query('SELECT definition, last_slot FROM schedule_state WHERE pipeline_id = ?').get(pipelineId) as { definition: string; last_slot: number } | undefined;
    return row && { definition: row.definition, lastSlot: row.last_slot };
  }

  setState(pipelineId: string, definition: string, lastSlot: number): void {
    this.query(
      'INSERT INTO schedule_state (pipeline_id, definition, last_slot) VALUES (?, ?, ?) ON CONFLICT (pipeline_id) DO UPDATE SET definition = excluded.definition, last_slot = excluded.last_slot',
    ).run(pipelineId, definition, lastSlot);
  }

  /** Pipelines that have state: a schedule the scheduler has seen. */
  statePipelines(): string[] {
    return this.query('SELECT pipeline_id FROM schedule_state').pluck().all() as string[];
  }

  forget(pipelineId: string): void {
    this.query('DELETE FROM schedule_state WHERE pipeline_id = ?').run(pipelineId);
  }

  /**
   * Records a plan: each fire queued under a new run id, each skip with its
   * reason. A slot already recorded (by another process, before a clock step)
   * is left as it is and not queued again: the UNIQUE key decides.
   */
  record(pipelineId: string, plan: SlotPlan, now: number, newRunId: () => string): QueuedFire[] {
    const insert = this.query(
      `INSERT INTO schedule_fires (pipeline_id, slot, outcome, reason, run_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (pipeline_id, slot) DO NOTHING`,
    );
    for (const { slot, reason } of plan.skip) insert.run(pipelineId, slot, 'skipped', reason, null, now);
    const queued: QueuedFire[] = [];
    for (const slot of plan.fire) {
      const runId = newRunId();
      if (insert.run(pipelineId, slot, 'queued', null, runId, now).changes === 1) queued.push({ pipelineId, slot, runId });
    }
    return queued;
  }

  /** Fires decided but not started, oldest slot first; those a crash left behind too. */
  queued(): QueuedFire[] {
    const rows = this.query("SELECT pipeline_id, slot, run_id FROM schedule_fires WHERE outcome = 'queued' ORDER BY slot, id").all() as { pipeline_id: string; slot: number; run_id: string }[];
    return rows.map((r) => ({ pipelineId: r.pipeline_id, slot: r.slot, runId: r.run_id }));
  }

  countQueued(pipelineId: string): number {
    return this.query("SELECT count(*) FROM schedule_fires WHERE outcome = 'queued' AND pipeline_id = ?").pluck().get(pipelineId) as number;
  }

  /** Drops a pipeline's waiting fires, recorded as replaced by a newer one. */
  cancelQueued(pipelineId: string): void {
    this.query("UPDATE schedule_fires SET outcome = 'skipped', reason = 'cancelled' WHERE outcome = 'queued' AND pipeline_id = ?").run(pipelineId);
  }

  /** Moves a queued fire on; false when it was no longer queued. */
  settle(runId: string, outcome: 'started' | 'failed', reason?: string): boolean {
    return this.query("UPDATE schedule_fires SET outcome = ?, reason = ? WHERE run_id = ? AND outcome = 'queued'").run(outcome, reason ?? null, runId).changes === 1;
  }

  /** Newest slot first. */
  fires(filter: { pipelineId?: string; limit?: number } = {}): ScheduleFire[] {
    const limit = filter.limit ?? 100;
    const rows =
      filter.pipelineId === undefined
        ? this.query(`SELECT ${fireColumns} FROM schedule_fires ORDER BY slot DESC, id DESC LIMIT ?`).all(limit)
        : this.query(`SELECT ${fireColumns} FROM schedule_fires WHERE pipeline_id = ? ORDER BY slot DESC, id DESC LIMIT ?`).all(filter.pipelineId, limit);
    return (rows as FireRow[]).map(toFire);
  }

  /** Keeps the newest `keep` fires per pipeline (never a queued one). */
  prune(keep: number): void {
    this.query(
      `DELETE FROM schedule_fires WHERE outcome <> 'queued' AND id IN (
         SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY pipeline_id ORDER BY slot DESC) AS rank FROM schedule_fires) WHERE rank > ?)`,
    ).run(keep);
  }

  close(): void {
    this.db.close();
  }

  private query(sql: string): SqliteStatement {
    let statement = this.queries.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }
}
