import type { WriteOp } from './write-batch';

export interface WriteQueueOptions {
  /** Appended items (events, outputs) that force a synchronous write: bounds memory and the size of one commit. */
  maxBuffered: number;
  /** 0: write on setImmediate; more: wait that long for company. */
  flushDelayMs: number;
  /** Told when a deferred write fails. */
  onError?: (error: unknown) => void;
}

/**
 * Buffers writes and commits them in batches: soon after the first one
 * (setImmediate or a short timer), at once when enough are waiting, or when
 * asked. A failed batch stays queued, whole, for the next attempt.
 */
export class WriteQueue {
  private ops: WriteOp[] = [];
  /** Items appended since the last write; derived rows (logs, node runs) are not counted. */
  private items = 0;
  private scheduled: { cancel(): void } | undefined;

  constructor(
    private readonly write: (ops: readonly WriteOp[]) => void,
    private readonly options: WriteQueueOptions,
  ) {}

  push(op: WriteOp): void {
    this.ops.push(op);
  }

  /** One item and the ops it brought are queued: write them now or soon. */
  itemQueued(): void {
    if (++this.items >= this.options.maxBuffered) this.flush();
    else this.scheduled ??= this.schedule();
  }

  /** Writes everything queued in one transaction; throws (keeping the batch) when that fails. */
  flush(): void {
    this.scheduled?.cancel();
    this.scheduled = undefined;
    if (this.ops.length === 0) return;
    this.write(this.ops);
    this.ops = [];
    this.items = 0;
  }

  /** Stops the pending deferred write, if any (the store is closing). */
  cancel(): void {
    this.scheduled?.cancel();
    this.scheduled = undefined;
  }

  private schedule(): { cancel(): void } {
    const delay = this.options.flushDelayMs;
    if (delay <= 0) {
      const immediate = setImmediate(() => this.deferredFlush());
      return { cancel: () => clearImmediate(immediate) };
    }
    const timer = setTimeout(() => this.deferredFlush(), delay);
    return { cancel: () => clearTimeout(timer) };
  }

  private deferredFlush(): void {
    this.scheduled = undefined;
    try {
      this.flush();
    } catch (error) {
      // Nothing to throw to here: report it and let the next flush try again.
      this.options.onError?.(error);
    }
  }
}
