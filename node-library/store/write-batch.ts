import type { RunEvent } from '../contract';
import { eventsJson } from './stored-events';
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
 * A batch as SQL rows, with every event already serialised: what the writer
 * (in this thread or the writer thread) puts in one transaction.
 */
export interface PreparedBatch {
  /** run_key, seq, last_seq, json: a run's share of the batch is one row (its events have consecutive seqs). */
  events: [number, number, number, string][];
  /** run_key, node_id, item, attempt, level, message, at; in emission order. */
  logs: [number, string, number | null, number | null, string, string, number][];
  /** run_key, json: the outputs a run recorded in this batch, by node. */
  outputs: [number, string][];
  /** state, finished_at, error, run_key. */
  finishes: [string, number, string | null, number][];
}

/** Turns buffered ops into rows. Events must come in seq order, with no gap inside one run's share of a batch. */
export function prepareBatch(ops: readonly WriteOp[]): PreparedBatch {
  const events = new Map<number, { seq: number; lastSeq: number; events: (RunEvent | string)[] }>();
  const outputs = new Map<number, string[]>();
  const batch: PreparedBatch = { events: [], logs: [], outputs: [], finishes: [] };
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
        batch.logs.push([op.runKey, op.nodeId, op.item, op.attempt, op.level, op.message, op.at]);
        break;
      case 'output': {
        const entry = `${JSON.stringify(op.nodeId)}:${op.json}`;
        const entries = outputs.get(op.runKey);
        if (entries) entries.push(entry);
        else outputs.set(op.runKey, [entry]);
        break;
      }
      case 'finish':
        batch.finishes.push([op.state, op.finishedAt, op.error, op.runKey]);
        break;
      default:
        op satisfies never;
    }
  }
  for (const [runKey, chunk] of events) batch.events.push([runKey, chunk.seq, chunk.lastSeq, eventsJson(chunk.events)]);
  // Keys repeat when a node records twice in one batch; JSON.parse keeps the last, as later rows override earlier ones.
  for (const [runKey, entries] of outputs) batch.outputs.push([runKey, `{${entries.join(',')}}`]);
  return batch;
}

/**
 * Prepares the statements once and returns a function that writes a prepared
 * batch in one transaction: one commit (one fsync) per batch, and all or
 * nothing, so a failed batch can be written again as it is.
 *
 * Self-contained (it uses nothing but its argument): the writer thread runs
 * this very function from its source text (see write-thread.ts).
 */
export function preparedBatchWriter(db: SqliteDatabase): (batch: PreparedBatch) => void {
  const insertEvents = db.prepare('INSERT INTO events (run_key, seq, last_seq, json) VALUES (?, ?, ?, ?)');
  const insertLog = db.prepare('INSERT INTO logs (run_key, node_id, item, attempt, level, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertOutputs = db.prepare('INSERT INTO output_batches (run_key, json) VALUES (?, ?)');
  const finishRun = db.prepare('UPDATE runs SET state = ?, finished_at = ?, error = ? WHERE key = ?');
  return db.transaction((batch: PreparedBatch) => {
    for (const row of batch.events) insertEvents.run(row);
    for (const row of batch.logs) insertLog.run(row);
    for (const row of batch.outputs) insertOutputs.run(row);
    for (const row of batch.finishes) finishRun.run(row);
  });
}

/** Writes buffered ops in one transaction, in this thread. */
export function batchWriter(db: SqliteDatabase): (ops: readonly WriteOp[]) => void {
  const write = preparedBatchWriter(db);
  return (ops) => write(prepareBatch(ops));
}
