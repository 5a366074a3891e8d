import { describe, expect, it } from 'vitest';
import { SpareBuffers } from '../../../node-library/runner/spare-buffers';

const kb = 1024;

describe('spare buffers for tables', () => {
  it('lends a given-back buffer again for a table of about its size, and only then', () => {
    const spare = new SpareBuffers(10 * 1024 * kb, 64 * kb);
    const first = spare.take(1000 * kb);
    expect(first.byteLength).toBe(1000 * kb);
    spare.give([first]);
    const smaller = spare.take(900 * kb);
    expect(smaller.buffer).toBe(first.buffer);
    expect(smaller.byteLength).toBe(900 * kb);
    // Lent out now: the next table gets a buffer of its own.
    expect(spare.take(900 * kb).buffer).not.toBe(first.buffer);
    spare.give([smaller]);
    // Far smaller than the spare one: not worth holding a buffer twice its size for.
    expect(spare.take(100 * kb).buffer).not.toBe(first.buffer);
  });

  it('ignores views it did not lend, small buffers, and what would pass its limit', () => {
    const spare = new SpareBuffers(1500 * kb, 64 * kb);
    const foreign = new Uint8Array(1000 * kb);
    spare.give([foreign]);
    expect(spare.take(1000 * kb).buffer).not.toBe(foreign.buffer);
    const small = spare.take(10 * kb);
    spare.give([small]);
    expect(spare.take(10 * kb).buffer).not.toBe(small.buffer);
    const [a, b] = [spare.take(1000 * kb), spare.take(1000 * kb)];
    spare.give([a, b]);
    // The second would have held 2.25 MB past the 1.5 MB limit: only the first is kept.
    expect(spare.take(1000 * kb).buffer).toBe(a.buffer);
    expect(spare.take(1000 * kb).buffer).not.toBe(b.buffer);
  });

  it('takes the memory from under every view when asked to detach, and lends it again', () => {
    const spare = new SpareBuffers(10 * 1024 * kb, 64 * kb);
    const bytes = spare.take(500 * kb);
    bytes.fill(7);
    const kept = new Int32Array(bytes.buffer, 0, 16);
    spare.give([bytes], true);
    expect([bytes.byteLength, kept.length, kept[0]]).toEqual([0, 0, undefined]);
    const again = spare.take(500 * kb);
    // The same memory under a new ArrayBuffer: what the last user left is still there.
    expect(again[0]).toBe(7);
  });
});
