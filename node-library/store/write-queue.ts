import type { WriteOp } from './write-batch';

/** Where the queue's batches go: written at once in this thread, or by the writer thread (write-thread.ts). */
export interface BatchSink {
  /** Hands a batch over; throws a WriteFailure when writing it, or an earlier batch, failed. */
  submit(ops: readonly WriteOp[]): void;
  /** Waits until every batch handed over is committed; throws a WriteFailure when one failed. */
  settle(): void;
}

/** A failed write, with every op not written (the failed batch and any after it), in order, to be written again. */
export class WriteFailure extends Error {
  constructor(
    readonly reason: unknown,
    readonly ops: readonly WriteOp[],
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** A sink that writes each batch at once, in this thread. */
export function inlineSink(write: (ops: readonly WriteOp[]) => void): BatchSink {
  return {
    submit(ops) {
      try {
        write(ops);
      } catch (error) {
        throw new WriteFailure(error, ops);
      }
    },
    settle() {},
  };
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
 * when asked. Only a flush waits for the batches to be committed. A failed
 * batch comes back, whole, for the next attempt.
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
    this.guard(() => this.sink.settle());
  }

  /** Stops the pending deferred hand-over, if any (the store is closing). */
  cancel(): void {
    this.scheduled?.cancel();
    this.scheduled = undefined;
  }

  private handOver(): void {
    if (this.ops.length === 0) return;
    const ops = this.ops;
    this.ops = [];
    this.items = 0;
    this.guard(() => this.sink.submit(ops));
  }

  /** Runs a sink step; on failure puts the unwritten ops back in front of the queue and throws the reason. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (!(error instanceof WriteFailure)) throw error;
      this.ops = [...error.ops, ...this.ops];
      throw error.reason;
    }
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
