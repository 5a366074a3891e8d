import { createHash } from 'node:crypto';
import {
  PipewrightError,
  type LogLine,
  type ParamValue,
  type PartialRun,
  type PipelineFile,
  type RunDetail,
  type RunEvent,
  type RunFilter,
  type RunSummary,
  type RunTrigger,
} from '../contract';
import { contentHash } from './content-hash';
import { openDatabase, type SqliteDatabase, type SqliteStatement } from './database';
import { interruptDeadRuns, liveRunsInProcess, thisHost } from './interrupt-dead-runs';
import { nodeRunsFromEvents } from './node-run-tracker';
import { logColumns, summaryColumns, toLogLine, toRunSummary, type LogRow, type RunRow } from './run-rows';
import { readEvent, storedEvent } from './stored-events';
import { preparedBatchWriter } from './write-batch';
import { InlineSink, WriteQueue } from './write-queue';
import { ThreadWriter } from './write-thread';

/**
 * Buffered events and outputs that are handed to the writer at once, without
 * waiting for the next turn: bounds memory and the size of one commit. The
 * commits happen on the writer thread, which takes every batch waiting into
 * one transaction, so small batches cost the run little there; here they keep
 * fewer objects alive, and stay below the size at which each message would
 * get (and fault in) fresh memory of its own. Measured on a 10,000-node
 * chain: 1,000 about 25% faster than 2,500, and 35% faster than 10,000.
 */
export const maxBuffered = 1_000;

export interface RunStoreOptions {
  /**
   * How long buffered events wait for company before they are written. 0 (the
   * default) writes them on setImmediate, so at most one event-loop turn is
   * lost in a crash; but every turn that buffers something then costs a commit
   * with its fsync. An engine whose nodes emit on many separate turns can
   * trade a few milliseconds of durability for far fewer commits.
   */
  flushDelayMs?: number;
  /** Told when a deferred flush fails; the batch stays buffered and the next flush tries again. */
  onError?: (error: unknown) => void;
  /**
   * Batches are committed by a writer thread from the first one of at least
   * this many bytes (64 KB by default; 0: from the first), in this thread until
   * then: a short run is over before the thread would have started.
   */
  threadFromBytes?: number;
}

/** A run this store writes to: its key and its next event seq. */
interface RunHandle {
  key: number;
  nextSeq: number;
}

/**
 * Run history on SQLite: runs, their events (the history itself), and views
 * derived from the events (node runs, logs) for queries. Events are buffered
 * and written in batches, one transaction each, so bookkeeping never slows a
 * run; `run:finish` is written before `append` returns.
 */
export class RunStore {
  /** Runs that were still 'running' when the store was opened: their process died; they are now 'interrupted'. */
  readonly interruptedAtOpen: string[];

  private readonly queue: WriteQueue;
  /** Writes the batches on a thread of its own; none for an in-memory store, written in this thread. */
  private readonly writer: ThreadWriter | undefined;
  /** Runs this store writes to, by id. */
  private readonly runs = new Map<string, RunHandle>();
  /** Runs this store has begun and not yet finished. */
  private readonly live = new Set<string>();
  private readonly queries = new Map<string, SqliteStatement>();
  /** The snapshot this store gave the last run of each recent pipeline, by pipeline id. */
  private readonly lastSnapshots = new Map<string, { json: string; key: number }>();
  private closed = false;

  private constructor(
    private readonly db: SqliteDatabase,
    file: string,
    options: RunStoreOptions,
  ) {
    this.interruptedAtOpen = interruptDeadRuns(db);
    const inline = preparedBatchWriter(db);
    this.writer = file === ':memory:' ? undefined : new ThreadWriter(file, inline, options.threadFromBytes ?? 64 * 1024);
    const sink = this.writer ?? new InlineSink(inline);
    this.queue = new WriteQueue(sink, { maxBuffered, flushDelayMs: options.flushDelayMs ?? 0, onError: options.onError });
  }

  /** Opens or creates the store file; ':memory:' is for tests only. */
  static open(file: string, options: RunStoreOptions = {}): RunStore {
    return new RunStore(openDatabase(file), file, options);
  }

  /** Records a new run at once, with the pipeline exactly as it runs. */
  beginRun(run: {
    runId: string;
    pipeline: PipelineFile;
    params: Record<string, ParamValue>;
    trigger: RunTrigger;
    partial?: PartialRun;
    resumedFrom?: string;
    /** The pipeline file it came from, if any. */
    source?: string;
    startedAt: number;
  }): void {
    this.assertOpen();
    const { lastInsertRowid } = this.query(
      `INSERT INTO runs (id, pipeline_id, pipeline_name, state, trigger, params, partial, resumed_from, source, started_at, snapshot, owner_host, owner_pid)
       VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      run.runId,
      run.pipeline.id,
      run.pipeline.name,
      run.trigger,
      JSON.stringify(run.params),
      run.partial ? JSON.stringify(run.partial) : null,
      run.resumedFrom ?? null,
      run.source ?? null,
      run.startedAt,
      this.snapshot(run.pipeline),
      thisHost,
      process.pid,
    );
    this.runs.set(run.runId, { key: Number(lastInsertRowid), nextSeq: 1 });
    this.live.add(run.runId);
    liveRunsInProcess.add(run.runId);
  }

  /** Buffers one event (and its log row); `run:finish` is flushed before this returns. */
  append(event: RunEvent): void {
    const run = this.handle(event.runId);
    const runKey = run.key;
    // Previews carry the user's data: serialised now, so a value JSON cannot hold fails at the caller.
    // Every other event holds only strings, numbers and booleans the engine wrote, and is serialised with its batch.
    this.queue.push({ kind: 'event', runKey, seq: run.nextSeq++, event: event.type === 'node:preview' ? JSON.stringify(storedEvent(event)) : event });
    if (event.type === 'node:log') {
      const { nodeId, item, attempt, level, message, at } = event;
      this.queue.push({ kind: 'log', runKey, nodeId, item: item ?? null, attempt: attempt ?? null, level, message, at });
    } else if (event.type === 'run:finish') {
      const error = event.error ? JSON.stringify(event.error) : null;
      this.queue.push({ kind: 'finish', runKey, state: event.state, finishedAt: event.at, error });
      // A finished run is durable before anyone is told it finished.
      this.queue.flush();
      this.runs.delete(event.runId);
      this.live.delete(event.runId);
      liveRunsInProcess.delete(event.runId);
      return;
    }
    this.queue.itemQueued();
  }

  /** Buffers a node's output references (JSON-serialisable) in the same queue as its events. */
  recordOutputs(runId: string, nodeId: string, outputs: Record<string, unknown>): void {
    const { key } = this.handle(runId);
    this.queue.push({ kind: 'output', runKey: key, nodeId, json: JSON.stringify(outputs) });
    this.queue.itemQueued();
  }

  /** Writes everything buffered in one transaction. */
  flush(): void {
    this.queue.flush();
  }

  /** Newest first; at most `limit` (100 by default). */
  listRuns(filter: RunFilter = {}): RunSummary[] {
    const where: string[] = [];
    const args: unknown[] = [];
    for (const [column, value] of [['pipeline_id', filter.pipelineId], ['state', filter.state], ['trigger', filter.trigger]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      args.push(value);
    }
    const sql = `SELECT ${summaryColumns} FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at DESC, key DESC LIMIT ?`;
    return (this.query(sql).all(...args, filter.limit ?? 100) as RunRow[]).map(toRunSummary);
  }

  /** The run, the pipeline as it ran, and its node runs (derived from its events) in the order they started. */
  getRun(runId: string): RunDetail | undefined {
    const row = this.query(`SELECT ${summaryColumns}, (SELECT json FROM pipeline_snapshots WHERE key = snapshot) AS pipeline FROM runs WHERE id = ?`).get(runId) as
      | (RunRow & { pipeline: string })
      | undefined;
    if (!row) return undefined;
    return { run: toRunSummary(row), pipeline: JSON.parse(row.pipeline) as PipelineFile, nodeRuns: nodeRunsFromEvents(runId, this.runEvents(runId)) };
  }

  /** Every stored event of the run in emission order: its history, to replay. */
  runEvents(runId: string): RunEvent[] {
    const chunks = this.query('SELECT json FROM events WHERE run_key = (SELECT key FROM runs WHERE id = ?) ORDER BY seq').pluck().all(runId) as string[];
    return chunks.flatMap((json) => (JSON.parse(json) as Parameters<typeof readEvent>[0][]).map((event) => readEvent(event, runId)));
  }

  logs(runId: string, nodeId?: string): LogLine[] {
    const rows =
      nodeId === undefined
        ? this.query(`SELECT ${logColumns} FROM logs WHERE run_key = (SELECT key FROM runs WHERE id = ?) ORDER BY id`).all(runId)
        : this.query(`SELECT ${logColumns} FROM logs WHERE run_key = (SELECT key FROM runs WHERE id = ?) AND node_id = ? ORDER BY id`).all(runId, nodeId);
    return (rows as LogRow[]).map((row) => toLogLine(runId, row));
  }

  /** The outputs recorded in one run, by node. */
  outputsOfRun(runId: string): Map<string, Record<string, unknown>> {
    const batches = this.query('SELECT json FROM output_batches WHERE run_key = (SELECT key FROM runs WHERE id = ?) ORDER BY id').pluck().all(runId) as string[];
    const outputs = new Map<string, Record<string, unknown>>();
    // Later batches override earlier ones: a node recorded twice keeps its last outputs.
    for (const json of batches) for (const [nodeId, value] of Object.entries(JSON.parse(json) as Record<string, Record<string, unknown>>)) outputs.set(nodeId, value);
    return outputs;
  }

  /** Per node, the outputs of the newest run of the pipeline that recorded any for it. */
  latestOutputs(pipelineId: string): Map<string, { runId: string; outputs: Record<string, unknown> }> {
    const rows = this.query(
      `SELECT r.id AS run_id, o.json FROM output_batches o JOIN runs r ON r.key = o.run_key
       WHERE r.pipeline_id = ? ORDER BY r.started_at DESC, r.key DESC, o.id DESC`,
    ).iterate(pipelineId) as Iterable<{ run_id: string; json: string }>;
    const latest = new Map<string, { runId: string; outputs: Record<string, unknown> }>();
    for (const row of rows) {
      for (const [nodeId, outputs] of Object.entries(JSON.parse(row.json) as Record<string, Record<string, unknown>>)) {
        if (!latest.has(nodeId)) latest.set(nodeId, { runId: row.run_id, outputs });
      }
    }
    return latest;
  }

  /** A value a pipeline keeps between runs (a cursor, a last-seen id); undefined when never set. */
  getState(pipelineId: string, key: string): unknown {
    const json = this.query('SELECT json FROM pipeline_state WHERE pipeline_id = ? AND key = ?').pluck().get(pipelineId, key) as string | undefined;
    return json === undefined ? undefined : JSON.parse(json);
  }

  /** Written at once; setting undefined removes the key. */
  setState(pipelineId: string, key: string, value: unknown): void {
    this.assertOpen();
    if (value === undefined) {
      this.query('DELETE FROM pipeline_state WHERE pipeline_id = ? AND key = ?').run(pipelineId, key);
      return;
    }
    this.query(
      `INSERT INTO pipeline_state (pipeline_id, key, json, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (pipeline_id, key) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
    ).run(pipelineId, key, JSON.stringify(value), Date.now());
  }

  /** A renamed pipeline keeps its history: its runs and kept state move to the new id, in one transaction. */
  renamePipeline(fromId: string, toId: string): void {
    this.assertOpen();
    this.flush();
    this.db.transaction(() => {
      this.query('UPDATE runs SET pipeline_id = ? WHERE pipeline_id = ?').run(toId, fromId);
      this.query('UPDATE OR REPLACE pipeline_state SET pipeline_id = ? WHERE pipeline_id = ?').run(toId, fromId);
    })();
  }

  /**
   * Keeps the newest `keepPerPipeline` runs of each pipeline and deletes the
   * rest with all their rows; runs still running are never deleted. Returns
   * how many runs went; the file is compacted when any did.
   */
  prune(keepPerPipeline: number): number {
    if (!Number.isInteger(keepPerPipeline) || keepPerPipeline < 0) throw new RangeError(`prune keeps a whole number of runs, not ${keepPerPipeline}`);
    this.flush();
    // No pipeline can have more runs than all of them: the usual case at a start, answered without the window query.
    if ((this.query('SELECT count(*) FROM runs').pluck().get() as number) <= keepPerPipeline) return 0;
    const deleted = this.query(
      `DELETE FROM runs WHERE key IN (
         SELECT key FROM (SELECT key, state, row_number() OVER (PARTITION BY pipeline_id ORDER BY started_at DESC, key DESC) AS rank FROM runs)
         WHERE rank > ? AND state <> 'running')
       RETURNING id`,
    )
      .pluck()
      .all(keepPerPipeline) as string[];
    for (const runId of deleted) this.runs.delete(runId);
    if (deleted.length > 0) {
      this.query('DELETE FROM pipeline_snapshots WHERE key NOT IN (SELECT snapshot FROM runs WHERE snapshot IS NOT NULL)').run();
      this.db.exec('VACUUM');
    }
    return deleted.length;
  }

  /** Flushes, then closes the file. Runs begun here and not finished will read as interrupted on the next open. */
  close(): void {
    if (this.closed) return;
    try {
      this.queue.flush();
    } finally {
      this.queue.cancel();
      this.writer?.close();
      this.closed = true;
      for (const runId of this.live) liveRunsInProcess.delete(runId);
      this.db.close();
    }
  }

  /**
   * The run's handle. A run not begun by this store (begun before a reopen,
   * or finished and written to late) continues after what is stored: the
   * queue holds none of its events. An unknown run fails now, at the caller,
   * rather than in a deferred batch where the foreign key would reject it.
   */
  private handle(runId: string): RunHandle {
    this.assertOpen();
    let run = this.runs.get(runId);
    if (run) return run;
    const row = this.query('SELECT key, (SELECT coalesce(max(last_seq), 0) FROM events WHERE run_key = runs.key) AS last FROM runs WHERE id = ?').get(runId) as
      | { key: number; last: number }
      | undefined;
    if (!row) throw new PipewrightError('E_RUN_001', `no run ${runId} in the run history: begin it (beginRun) before appending its events or outputs`);
    run = { key: row.key, nextSeq: row.last + 1 };
    this.runs.set(runId, run);
    return run;
  }

  /**
   * The key of the pipeline's stored snapshot, storing it when no run had this
   * exact content yet. A re-run of an unchanged pipeline (the usual case)
   * matches the snapshot this store gave its last run and needs no hash:
   * hashing a 1 MB pipeline takes longer than comparing it.
   */
  private snapshot(pipeline: PipelineFile): number {
    const json = JSON.stringify(pipeline);
    const last = this.lastSnapshots.get(pipeline.id);
    // Checked again: a prune (here or in another process) may have removed it.
    if (last?.json === json && this.query('SELECT 1 FROM pipeline_snapshots WHERE key = ?').get(last.key)) return last.key;
    // Found by a fast hash, the text compared by SQLite; on the rare collision, by SHA-512, which is
    // collision-safe (rows stored before keep their sha512: or sha256: keys).
    let hash = `h64:${contentHash(json)}`;
    let found = this.query('SELECT key, json = ? AS same FROM pipeline_snapshots WHERE hash = ?').get(json, hash) as { key: number; same: number } | undefined;
    if (found && !found.same) {
      hash = `sha512:${createHash('sha512').update(json).digest('base64url')}`;
      found = this.query('SELECT key, 1 AS same FROM pipeline_snapshots WHERE hash = ?').get(hash) as { key: number; same: number } | undefined;
    }
    const key = found?.key ?? Number(this.query('INSERT INTO pipeline_snapshots (hash, json) VALUES (?, ?)').run(hash, json).lastInsertRowid);
    this.lastSnapshots.delete(pipeline.id);
    this.lastSnapshots.set(pipeline.id, { json, key });
    // A few pipelines' worth: the ones being worked on.
    if (this.lastSnapshots.size > 8) this.lastSnapshots.delete(this.lastSnapshots.keys().next().value!);
    return key;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the run store is closed: open it again to write');
  }

  /** Statements are prepared once per SQL text. */
  private query(sql: string): SqliteStatement {
    let statement = this.queries.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }
}
