/**
 * Big buffers kept for the next table rather than left to V8. A page touched
 * for the first time is the dearest part of moving a table on the bench VM
 * (about 10 µs a page: filling a fresh 3 MB buffer took 8 ms, a reused one
 * 0.3 ms), and a dropped ArrayBuffer goes back to the C heap only when V8
 * collects it, which it does late: so each table used to land in fresh pages.
 */
export class SpareBuffers {
  private readonly spare: ArrayBuffer[] = [];
  private readonly lent = new WeakSet<ArrayBuffer>();
  private keptBytes = 0;

  /** Keeps at most `maxBytes` in spare buffers; buffers under `minBytes` are not worth keeping. */
  constructor(
    private readonly maxBytes: number,
    private readonly minBytes = 256 * 1024,
  ) {}

  /**
   * `bytes` bytes: over the smallest spare buffer that holds them, else a new
   * one with an eighth more room (the next table is often a little bigger).
   * A reused buffer holds what its last user left: callers write every byte
   * they read.
   */
  take(bytes: number): Uint8Array<ArrayBuffer> {
    if (bytes < this.minBytes) return new Uint8Array(bytes);
    let best = -1;
    this.spare.forEach((buffer, i) => {
      if (buffer.byteLength >= bytes && buffer.byteLength <= 2 * bytes && (best < 0 || buffer.byteLength < this.spare[best].byteLength)) best = i;
    });
    const buffer = best >= 0 ? this.spare.splice(best, 1)[0] : new ArrayBuffer(bytes + (bytes >> 3));
    if (best >= 0) this.keptBytes -= buffer.byteLength;
    this.lent.add(buffer);
    return new Uint8Array(buffer, 0, bytes);
  }

  /**
   * The buffers under these views back for reuse, if this pool lent them:
   * nothing may read the views after. `detach` takes the memory from under
   * every view (they read as empty), for views that code outside our control
   * may still hold.
   */
  give(views: Iterable<ArrayBufferView>, detach = false): void {
    for (const view of views) {
      let buffer = view.buffer as ArrayBuffer;
      if (!this.lent.has(buffer)) continue;
      this.lent.delete(buffer);
      if (detach) buffer = structuredClone(buffer, { transfer: [buffer] });
      if (this.keptBytes + buffer.byteLength > this.maxBytes) continue;
      this.spare.push(buffer);
      this.keptBytes += buffer.byteLength;
    }
  }
}

/**
 * The host's tables on their way to and from runners: the column buffers of
 * an input (column-batch.ts) and a returned table's IPC bytes. A code node
 * gives them back once its call has sent the input and stored the output.
 */
export const hostTableBuffers = new SpareBuffers(64 * 2 ** 20);
