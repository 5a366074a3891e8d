import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { sqliteAddon } from '../data/sqlite-addon';
import { connectionPragmas } from './database';
import { preparedBatchWriter, type PreparedBatch } from './write-batch';
import { InlineSink, type BatchSink } from './write-queue';

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
 * overlap its work instead of stopping it. `submit` hands batches over and
 * returns; `settle` waits until everything handed over is committed, so a
 * flush still means durable. A failed batch stops the thread from writing
 * later ones; they are all taken back and sent again, in order, next time.
 */
export class ThreadWriter implements BatchSink {
  private readonly status = new Int32Array(new SharedArrayBuffer(6 * 4));
  /** Started by the first big batch; until then (and if it cannot start) batches are written here. */
  private worker: Worker | undefined;
  private errors: MessagePort | undefined;
  private inFlight: { seq: number; batch: PreparedBatch }[] = [];
  /** Batches to send, oldest first: new ones, and those taken back after a failure. */
  private unsent: PreparedBatch[] = [];
  private nextSeq = 1;
  private generation = 0;
  /** Writes in this thread: before the thread starts, or for good when it could not. */
  private readonly inline: InlineSink;
  private dead = false;

  /**
   * `write` writes a batch in this thread. The thread starts with the first
   * batch of at least `threadFromBytes`: a short run (a CLI call, an exported
   * script) is done before a thread would have loaded SQLite.
   */
  constructor(
    private readonly file: string,
    write: (batch: PreparedBatch) => void,
    private readonly threadFromBytes: number,
  ) {
    this.inline = new InlineSink(write);
  }

  /** Hands batches over; waits only while too many are still in flight. */
  submit(...batches: PreparedBatch[]): void {
    if (!this.worker && !this.dead) {
      if (!batches.some((batch) => batchBytes(batch) >= this.threadFromBytes)) return this.inline.submit(...batches);
      this.start();
      // Whatever failed to be written here goes first.
      this.unsent.push(...this.inline.takeUnwritten());
    }
    this.unsent.push(...batches);
    this.send();
  }

  /** Waits until every batch handed over is committed. */
  settle(): void {
    this.send();
    if (this.inFlight.length > 0) {
      this.waitFor(this.inFlight.at(-1)!.seq);
      this.throwIfFailed();
      this.send();
    }
    this.inline.settle();
  }

  /** Ends the thread after what it has; call settle() first. */
  close(): void {
    if (!this.worker) return;
    this.worker.postMessage({ close: true });
    this.waitUntil(() => Atomics.load(this.status, CLOSED) !== 0 || Atomics.load(this.status, DEAD) !== 0);
    this.errors!.close();
  }

  private start(): void {
    const { port1, port2 } = new MessageChannel();
    this.errors = port1;
    const workerData = { file: this.file, nativeBinding: sqliteAddon().nativeBinding, sqlite: requireFromHere.resolve('better-sqlite3'), pragmas: connectionPragmas, slots, status: this.status.buffer, errors: port2 };
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

  private send(): void {
    while (this.unsent.length > 0) {
      if (this.dead) {
        const batches = this.unsent;
        this.unsent = [];
        return this.inline.submit(...batches);
      }
      if (this.inFlight.length >= maxInFlight) this.waitFor(this.inFlight[0].seq);
      this.throwIfFailed();
      if (this.dead) continue;
      const batch = this.unsent.shift()!;
      const seq = this.nextSeq++;
      this.worker!.postMessage({ seq, generation: this.generation, batch });
      this.inFlight.push({ seq, batch });
    }
  }

  /** Waits until batch `seq` is committed, a batch failed or the thread is dead; forgets the committed ones. */
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

  /** After a failure: takes back the failed batch and every later one (the thread skips them), and throws why. */
  private throwIfFailed(): void {
    if (Atomics.load(this.status, FAILED) === 0) return;
    const reply = receiveMessageOnPort(this.errors!)?.message as { message: string; code?: string } | undefined;
    this.takeBack();
    throw Object.assign(new Error(reply?.message ?? 'the run history writer failed'), { code: reply?.code });
  }

  private takeBack(): void {
    this.reclaimInFlight();
    // Batches still queued in the thread belong to the old generation and are skipped.
    Atomics.store(this.status, GENERATION, ++this.generation);
    Atomics.store(this.status, FAILED, 0);
  }

  /** The thread could not start: what was handed to it is written here, in order, and so is everything after. */
  private becomeInline(): void {
    if (this.dead) return;
    this.dead = true;
    const reply = receiveMessageOnPort(this.errors!)?.message as { message: string } | undefined;
    process.emitWarning(`the run history is written on the main thread: its writer thread could not start (${reply?.message ?? 'no reason given'})`);
    this.reclaimInFlight();
  }

  /** The batches handed to the thread and not committed go back to the front of the unsent ones. */
  private reclaimInFlight(): void {
    this.unsent = [...this.inFlight.map((f) => f.batch), ...this.unsent];
    this.inFlight = [];
  }
}

/** Roughly how many bytes a batch writes. */
function batchBytes(batch: PreparedBatch): number {
  let bytes = 0;
  for (const row of batch.events) bytes += row[3].length;
  for (const row of batch.outputs) bytes += row[1].length;
  for (const row of batch.logs) bytes += 40 + row[5].length;
  return bytes;
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
  threads: { parentPort: MessagePort; workerData: WriterThreadData; receiveMessageOnPort: typeof receiveMessageOnPort },
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
  let writeGroup: (batches: PreparedBatch[]) => void;
  try {
    db = new Database(workerData.file, { nativeBinding: workerData.nativeBinding });
    for (const pragma of workerData.pragmas) db.pragma(pragma);
    const write = writerFor(db);
    writeGroup = db.transaction((batches: PreparedBatch[]) => {
      for (const batch of batches) write(batch);
    });
  } catch (error) {
    workerData.errors.postMessage({ message: (error as Error).message });
    Atomics.store(status, dead, 1);
    announce();
    return;
  }
  type Message = { close?: true; seq: number; generation: number; batch: PreparedBatch };
  parentPort.on('message', (first: Message) => {
    // Group commit: every batch already waiting goes into this one transaction, so a writer
    // that falls behind catches up with fewer fsyncs rather than more.
    const messages = [first];
    for (let next; (next = threads.receiveMessageOnPort(parentPort)); ) messages.push(next.message as Message);
    const close = messages.some((m) => m.close);
    // Batches after a failure, or from before the failed ones were taken back, are not to be written.
    const group = messages.filter((m) => !m.close && Atomics.load(status, failed) === 0 && m.generation === Atomics.load(status, generation));
    if (group.length > 0) {
      try {
        writeGroup(group.map((m) => m.batch));
        Atomics.store(status, written, group.at(-1)!.seq);
      } catch (error) {
        workerData.errors.postMessage({ message: (error as Error).message, code: (error as { code?: string }).code });
        Atomics.store(status, failed, group[0].seq);
      }
      announce();
    }
    if (close) {
      db.close();
      parentPort.close();
      Atomics.store(status, closed, 1);
      announce();
    }
  });
}
