import { prepareBatch, type PreparedBatch, type WriteOp } from './write-batch';

/**
 * Where the queue's batches go: written at once in this thread, or by the
 * writer thread (write-thread.ts). A sink keeps every batch it could not
 * write and writes it again, in order and before anything newer, at the next
 * submit or settle.
 */
export interface BatchSink {
  /** Hands batches over; throws when writing one of them, or an earlier one, failed. */
  submit(...batches: PreparedBatch[]): void;
  /** Waits until every batch handed over is committed; throws when one failed. */
  settle(): void;
}

/** A sink that writes each batch at once, in this thread. */
export class InlineSink implements BatchSink {
  private readonly unwritten: PreparedBatch[] = [];

  constructor(private readonly write: (batch: PreparedBatch) => void) {}

  submit(...batches: PreparedBatch[]): void {
    this.unwritten.push(...batches);
    this.settle();
  }

  settle(): void {
    while (this.unwritten.length > 0) {
      this.write(this.unwritten[0]);
      this.unwritten.shift();
    }
  }

  /** The batches not written yet (after a failure), handed to another writer. */
  takeUnwritten(): PreparedBatch[] {
    return this.unwritten.splice(0);
  }
}

export interface WriteQueueOptions {
  /** Appended items (events, outputs) that force a hand-over: bounds memory and the size of one commit. */
  maxBuffered: number;
  /** 0: hand over on setImmediate; more: wait that long for company. */
  flushDelayMs: number;
  /** Told when a deferred write fails. */
  onError?: (error: unknown) => void;
}

/**
 * Buffers writes and hands them to the sink in batches: soon after the first
 * one (setImmediate or a short timer), at once when enough are waiting, or
 * when asked. Only a flush waits for the batches to be committed; a failed
 * batch stays with the sink, whole, for the next attempt.
 */
export class WriteQueue {
  private ops: WriteOp[] = [];
  /** Items appended since the last hand-over; derived rows (logs, node runs) are not counted. */
  private items = 0;
  private scheduled: { cancel(): void } | undefined;

  constructor(
    private readonly sink: BatchSink,
    private readonly options: WriteQueueOptions,
  ) {}

  push(op: WriteOp): void {
    this.ops.push(op);
  }

  /** One item and the ops it brought are queued: hand them over now or soon. */
  itemQueued(): void {
    if (++this.items >= this.options.maxBuffered) this.handOver();
    else this.scheduled ??= this.schedule();
  }

  /** Hands over everything queued and waits until it is committed; throws (keeping the ops) when that fails. */
  flush(): void {
    this.cancel();
    this.handOver();
    this.sink.settle();
  }

  /** Stops the pending deferred hand-over, if any (the store is closing). */
  cancel(): void {
    this.scheduled?.cancel();
    this.scheduled = undefined;
  }

  private handOver(): void {
    if (this.ops.length === 0) return;
    // Serialised now: the batch holds a few strings instead of thousands of objects, which the
    // garbage collector would otherwise copy until the batch is committed.
    const batch = prepareBatch(this.ops);
    this.ops = [];
    this.items = 0;
    this.sink.submit(batch);
  }

  private schedule(): { cancel(): void } {
    const delay = this.options.flushDelayMs;
    if (delay <= 0) {
      const immediate = setImmediate(() => this.deferredHandOver());
      return { cancel: () => clearImmediate(immediate) };
    }
    const timer = setTimeout(() => this.deferredHandOver(), delay);
    return { cancel: () => clearTimeout(timer) };
  }

  private deferredHandOver(): void {
    this.scheduled = undefined;
    try {
      this.handOver();
    } catch (error) {
      // Nothing to throw to here: report it and let the next flush try again.
      this.options.onError?.(error);
    }
  }
}
