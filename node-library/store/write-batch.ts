import type { RunEvent } from '../contract';
import type { SqliteDatabase } from './database';

/**
 * One buffered write, to the run with this integer key. An event is either
 * already serialised or an object that JSON can always hold (see
 * RunStore.append), serialised with the rest of its batch.
 */
export type WriteOp =
  | { kind: 'event'; runKey: number; seq: number; event: RunEvent | string }
  | { kind: 'log'; runKey: number; nodeId: string; item: number | null; attempt: number | null; level: string; message: string; at: number }
  | { kind: 'output'; runKey: number; nodeId: string; json: string }
  | { kind: 'finish'; runKey: number; state: string; finishedAt: number; error: string | null };

/**
 * Prepares the statements once and returns a function that writes a batch of
 * ops in one transaction: one commit (one fsync) per batch, and all or
 * nothing, so a failed batch can be written again as it is. Events must come
 * in seq order, with no gap inside one run's share of a batch.
 */
export function batchWriter(db: SqliteDatabase): (ops: readonly WriteOp[]) => void {
  const insertEvents = db.prepare('INSERT INTO events (run_key, seq, last_seq, json) VALUES (?, ?, ?, ?)');
  const insertLog = db.prepare('INSERT INTO logs (run_key, node_id, item, attempt, level, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertOutputs = db.prepare('INSERT INTO output_batches (run_key, json) VALUES (?, ?)');
  const finishRun = db.prepare('UPDATE runs SET state = ?, finished_at = ?, error = ? WHERE key = ?');

  return db.transaction((ops: readonly WriteOp[]) => {
    // A run's share of the batch becomes one events row (its events have consecutive seqs) and one outputs row.
    const events = new Map<number, { seq: number; lastSeq: number; events: (RunEvent | string)[] }>();
    const outputs = new Map<number, string[]>();
    for (const op of ops) {
      switch (op.kind) {
        case 'event': {
          const chunk = events.get(op.runKey);
          if (chunk) {
            chunk.lastSeq = op.seq;
            chunk.events.push(op.event);
          } else {
            events.set(op.runKey, { seq: op.seq, lastSeq: op.seq, events: [op.event] });
          }
          break;
        }
        case 'log':
          insertLog.run(op.runKey, op.nodeId, op.item, op.attempt, op.level, op.message, op.at);
          break;
        case 'output': {
          const entry = `${JSON.stringify(op.nodeId)}:${op.json}`;
          const entries = outputs.get(op.runKey);
          if (entries) entries.push(entry);
          else outputs.set(op.runKey, [entry]);
          break;
        }
        case 'finish':
          finishRun.run(op.state, op.finishedAt, op.error, op.runKey);
          break;
        default:
          op satisfies never;
      }
    }
    for (const [runKey, chunk] of events) insertEvents.run(runKey, chunk.seq, chunk.lastSeq, eventsJson(chunk.events));
    // Keys repeat when a node records twice in one batch; JSON.parse keeps the last, as later rows override earlier ones.
    for (const [runKey, entries] of outputs) insertOutputs.run(runKey, `{${entries.join(',')}}`);
  });
}

/**
 * A JSON array of the events as stored: without their runId, which the row's
 * run_key already says (a third of a state event's bytes). Consecutive
 * objects are serialised in one call, far cheaper than one call each.
 */
export function eventsJson(events: readonly (RunEvent | string)[]): string {
  const parts: string[] = [];
  let start = 0;
  const objectsUpTo = (end: number) => {
    if (end > start) parts.push(JSON.stringify(events.slice(start, end).map((e) => withoutRunId(e as RunEvent))).slice(1, -1));
  };
  events.forEach((event, i) => {
    if (typeof event !== 'string') return;
    objectsUpTo(i);
    parts.push(event);
    start = i + 1;
  });
  objectsUpTo(events.length);
  return `[${parts.join(',')}]`;
}

export function withoutRunId(event: RunEvent): Omit<RunEvent, 'runId'> {
  const { runId: _, ...stored } = event;
  return stored;
}

/** An event read back, with its runId again, second after its type as the engine emits it. */
export function withRunId(stored: Omit<RunEvent, 'runId'>, runId: string): RunEvent {
  return Object.assign({ type: stored.type, runId }, stored) as RunEvent;
}
