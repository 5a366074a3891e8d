import os from 'node:os';
import type { ErrorInfo, RunEvent } from '../contract';
import type { SqliteDatabase } from './database';
import { batchWriter, type WriteOp } from './write-batch';

/** Who writes a run: stored with it, so another process can tell a live run from a dead one. */
export const thisHost = os.hostname();

/** Runs begun by a store that is still open in this process. */
export const liveRunsInProcess = new Set<string>();

const interruptedError: ErrorInfo = { code: 'E_RUN_002', message: 'the process stopped before the run finished' };

interface RunningRow {
  key: number;
  id: string;
  owner_host: string;
  owner_pid: number;
}

/**
 * Marks as interrupted every run still 'running' whose process is gone, and
 * returns their ids. A run of another live process on this machine (the CLI
 * while the app is open) is left alone. Each interrupted run also gets a
 * closing run:finish event, so its history replays to an end like any other
 * (the attempts it left open read as cancelled).
 */
export function interruptDeadRuns(db: SqliteDatabase): string[] {
  const selectRunning = db.prepare("SELECT key, id, owner_host, owner_pid FROM runs WHERE state = 'running' ORDER BY key");
  const deadRuns = () => (selectRunning.all() as RunningRow[]).filter((run) => !isAlive(run));
  // Most opens find nothing to do and take no write lock.
  if (deadRuns().length === 0) return [];

  const lastSeq = db.prepare('SELECT coalesce(max(last_seq), 0) FROM events WHERE run_key = ?').pluck();
  const write = batchWriter(db);
  // Checked again under the write lock: two processes opening at once must not both close a run.
  const interrupt = db.transaction(() => {
    const dead = deadRuns();
    const now = Date.now();
    const error = JSON.stringify(interruptedError);
    const ops: WriteOp[] = [];
    for (const { key: runKey, id: runId } of dead) {
      const finish: RunEvent = { type: 'run:finish', runId, at: now, state: 'interrupted', error: interruptedError };
      ops.push({ kind: 'event', runKey, seq: (lastSeq.get(runKey) as number) + 1, event: finish });
      ops.push({ kind: 'finish', runKey, state: 'interrupted', finishedAt: now, error });
    }
    write(ops);
    return dead.map((run) => run.id);
  });
  return interrupt.immediate();
}

function isAlive(run: RunningRow): boolean {
  // Another machine's run cannot be checked; WAL files are not shared over a network anyway.
  if (run.owner_host !== thisHost) return false;
  if (run.owner_pid === process.pid) return liveRunsInProcess.has(run.id);
  try {
    process.kill(run.owner_pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
