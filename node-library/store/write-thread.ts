import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { connectionPragmas } from './database';
import { prepareBatch, preparedBatchWriter, type PreparedBatch, type WriteOp } from './write-batch';
import { WriteFailure, type BatchSink } from './write-queue';

/** Slots of the status array both threads share. */
const slots = {
  /** Seq of the last batch committed. */
  written: 0,
  /** Seq of the batch that failed; 0 when none. */
  failed: 1,
  /** Batches of an older generation were taken back: the thread skips them. */
  generation: 2,
  /** Bumped on every change, for Atomics.wait. */
  changed: 3,
  closed: 4,
  /** The thread could not start (no SQLite for it): batches are written in this thread instead. */
  dead: 5,
};
const { written: WRITTEN, failed: FAILED, generation: GENERATION, changed: CHANGED, closed: CLOSED, dead: DEAD } = slots;

/** Batches handed over and not yet written, beyond which handing over waits: bounds memory. */
const maxInFlight = 4;
/** How long a wait for the writer may take before it is reported as stuck. */
const waitLimitMs = 60_000;

/** Where the writer thread finds better-sqlite3: next to this module, or the bundle it is in. */
const requireFromHere = createRequire(import.meta.url);

/**
 * Writes batches of the run store on a thread of its own, with its own
 * connection, so the SQLite inserts and commits (with their fsyncs) of a run
 * overlap its work instead of stopping it. `submit` hands a batch over and
 * returns; `settle` waits until everything handed over is committed, so a
 * flush still means durable. A failed batch stops the thread from writing
 * later ones; `settle` hands them all back, in order, to be written again.
 */
export class ThreadWriter implements BatchSink {
  private readonly status = new Int32Array(new SharedArrayBuffer(6 * 4));
  private readonly worker: Worker;
  private readonly errors: MessagePort;
  private inFlight: { seq: number; ops: readonly WriteOp[] }[] = [];
  private nextSeq = 1;
  private generation = 0;
  private dead = false;

  /** `inline` writes a batch in this thread: for when the writer thread cannot run. */
  constructor(
    file: string,
    private readonly inline: (ops: readonly WriteOp[]) => void,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.errors = port1;
    const workerData = { file, nativeBinding: process.env.PIPEWRIGHT_SQLITE_BINDING || undefined, sqlite: requireFromHere.resolve('better-sqlite3'), pragmas: connectionPragmas, slots, status: this.status.buffer, errors: port2 };
    // From source text, so every bundle (CLI, app, exported script) and the tests run it without a file of its own.
    // __name: the helper bundlers that keep function names (tsx, esbuild's keepNames) call in function bodies.
    // A thread that throws while starting marks itself dead, so a waiting flush falls back at once.
    const source = `const threads = require('node:worker_threads');
      var __name = (target) => target;
      try {
        (${writerThread.toString()})(threads, require(threads.workerData.sqlite), ${preparedBatchWriter.toString()});
      } catch (error) {
        const status = new Int32Array(threads.workerData.status);
        threads.workerData.errors.postMessage({ message: String(error && error.message || error) });
        Atomics.store(status, ${DEAD}, 1);
        Atomics.add(status, ${CHANGED}, 1);
        Atomics.notify(status, ${CHANGED});
      }`;
    this.worker = new Worker(source, { eval: true, execArgv: [], workerData, transferList: [port2] });
    // It must not keep the process alive; close() ends it after a last flush.
    this.worker.unref();
  }

  /** Hands the ops over (they must not change afterwards); waits only when too many batches are still in flight. */
  submit(ops: readonly WriteOp[]): void {
    if (this.dead) return this.writeInline(ops);
    if (this.inFlight.length >= maxInFlight) this.waitFor(this.inFlight[0].seq);
    if (this.dead) return this.writeInline(ops);
    if (Atomics.load(this.status, FAILED) !== 0) {
      const { error, ops: unwritten } = this.takeBack();
      throw new WriteFailure(error, [...unwritten, ...ops]);
    }
    const seq = this.nextSeq++;
    this.worker.postMessage({ seq, generation: this.generation, batch: prepareBatch(ops) });
    this.inFlight.push({ seq, ops });
  }

  /** Waits until every batch handed over is committed. */
  settle(): void {
    if (this.inFlight.length === 0) return;
    this.waitFor(this.inFlight.at(-1)!.seq);
    if (this.dead) return;
    if (Atomics.load(this.status, FAILED) === 0) return;
    const { error, ops } = this.takeBack();
    throw new WriteFailure(error, ops);
  }

  /** Ends the thread after what it has; call settle() first. */
  close(): void {
    this.worker.postMessage({ close: true });
    this.waitUntil(() => Atomics.load(this.status, CLOSED) !== 0 || Atomics.load(this.status, DEAD) !== 0);
    this.errors.close();
  }

  private writeInline(ops: readonly WriteOp[]): void {
    try {
      this.inline(ops);
    } catch (error) {
      throw new WriteFailure(error, ops);
    }
  }

  /** The thread could not start: what was handed to it is written here, in order, and so is everything after. */
  private becomeInline(): void {
    if (this.dead) return;
    this.dead = true;
    const reply = receiveMessageOnPort(this.errors)?.message as { message: string } | undefined;
    process.emitWarning(`the run history is written on the main thread: its writer thread could not start (${reply?.message ?? 'no reason given'})`);
    const ops = this.inFlight.flatMap((batch) => batch.ops);
    this.inFlight = [];
    this.writeInline(ops);
  }

  /** Waits until batch `seq` is committed or a batch failed; forgets the committed ones. */
  private waitFor(seq: number): void {
    this.waitUntil(() => Atomics.load(this.status, WRITTEN) >= seq || Atomics.load(this.status, FAILED) !== 0 || Atomics.load(this.status, DEAD) !== 0);
    if (Atomics.load(this.status, DEAD) !== 0) return this.becomeInline();
    const written = Atomics.load(this.status, WRITTEN);
    while (this.inFlight.length > 0 && this.inFlight[0].seq <= written) this.inFlight.shift();
  }

  /** Blocks this thread until the writer thread makes `done` true. */
  private waitUntil(done: () => boolean): void {
    const started = Date.now();
    for (;;) {
      const changed = Atomics.load(this.status, CHANGED);
      if (done()) return;
      if (Date.now() - started > waitLimitMs) throw new Error(`the run history writer has not answered in ${waitLimitMs / 1000} s`);
      Atomics.wait(this.status, CHANGED, changed, 1_000);
    }
  }

  private takeBack(): { error: Error; ops: WriteOp[] } {
    const reply = receiveMessageOnPort(this.errors)?.message as { message: string; code?: string } | undefined;
    const error = Object.assign(new Error(reply?.message ?? 'the run history writer failed'), { code: reply?.code });
    const ops = this.inFlight.flatMap((batch) => batch.ops);
    this.inFlight = [];
    // Batches still queued in the thread belong to the old generation and are skipped.
    Atomics.store(this.status, GENERATION, ++this.generation);
    Atomics.store(this.status, FAILED, 0);
    return { error, ops };
  }
}

interface WriterThreadData {
  file: string;
  slots: typeof slots;
  nativeBinding?: string;
  pragmas: readonly string[];
  status: SharedArrayBuffer;
  errors: MessagePort;
}

/** The writer thread's body. Self-contained: it runs from its source text, with only its arguments. */
function writerThread(
  threads: { parentPort: MessagePort; workerData: WriterThreadData },
  Database: new (file: string, options: { nativeBinding?: string }) => Parameters<typeof preparedBatchWriter>[0],
  writerFor: typeof preparedBatchWriter,
): void {
  const { parentPort, workerData } = threads;
  const { written, failed, generation, changed, closed, dead } = workerData.slots;
  const status = new Int32Array(workerData.status);
  function announce(): void {
    Atomics.add(status, changed, 1);
    Atomics.notify(status, changed);
  }
  let db: Parameters<typeof preparedBatchWriter>[0];
  let write: ReturnType<typeof preparedBatchWriter>;
  try {
    db = new Database(workerData.file, { nativeBinding: workerData.nativeBinding });
    for (const pragma of workerData.pragmas) db.pragma(pragma);
    write = writerFor(db);
  } catch (error) {
    workerData.errors.postMessage({ message: (error as Error).message });
    Atomics.store(status, dead, 1);
    announce();
    return;
  }
  parentPort.on('message', (message: { close?: true; seq: number; generation: number; batch: PreparedBatch }) => {
    if (message.close) {
      db.close();
      parentPort.close();
      Atomics.store(status, closed, 1);
      announce();
      return;
    }
    // A batch after a failure, or from before the failed ones were taken back: not to be written.
    if (Atomics.load(status, failed) !== 0 || message.generation !== Atomics.load(status, generation)) return;
    try {
      write(message.batch);
      Atomics.store(status, written, message.seq);
    } catch (error) {
      workerData.errors.postMessage({ message: (error as Error).message, code: (error as { code?: string }).code });
      Atomics.store(status, failed, message.seq);
    }
    announce();
  });
}
