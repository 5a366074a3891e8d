import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { collectYoungGarbage } from '../../../node-library/runner/young-garbage';

describe('collecting young garbage', () => {
  it('runs a minor GC without --expose-gc, and leaves the globals as they were', async () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    const seen: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
    try {
      const before = seen.length;
      collectYoungGarbage();
      collectYoungGarbage();
      // GC entries are delivered after the current job.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const minor = seen.slice(before).filter((e) => (e as unknown as { detail: { kind: number } }).detail.kind === constants.NODE_PERFORMANCE_GC_MINOR);
      expect(minor.length).toBeGreaterThanOrEqual(2);
    } finally {
      observer.disconnect();
    }
    // Exposed in a context of its own: user-visible globals are unchanged.
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
