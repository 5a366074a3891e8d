export interface Bar {
  label: string;
  count: number;
}

/** Equal-width bins over the numeric values (non-numbers ignored). */
export function histogram(values: readonly unknown[], binCount = 12): Bar[] {
  const numbers = values.map((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v)).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (numbers.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const n of numbers) {
    if (n < min) min = n;
    if (n > max) max = n;
  }
  if (min === max) return [{ label: format(min), count: numbers.length }];
  const bins = Math.min(binCount, numbers.length);
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const n of numbers) counts[Math.min(bins - 1, Math.floor((n - min) / width))]++;
  return counts.map((count, i) => ({ label: `${format(min + i * width)}–${format(min + (i + 1) * width)}`, count }));
}

/** The most frequent values, most frequent first; the rest summed as "other". */
export function categories(values: readonly unknown[], top = 10): Bar[] {
  const counts = new Map<string, number>();
  for (const v of values) {
    const key = v === null || v === undefined ? 'NULL' : String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const bars = sorted.slice(0, top).map(([label, count]) => ({ label, count }));
  const other = sorted.slice(top).reduce((sum, [, count]) => sum + count, 0);
  return other > 0 ? [...bars, { label: 'other', count: other }] : bars;
}

function format(n: number): string {
  return Math.abs(n) >= 1000 || Number.isInteger(n) ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3);
}
