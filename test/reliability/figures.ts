import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../unit/helpers';

/** `npm run test:reliability` sets PIPEWRIGHT_RELIABILITY=full; `npm test` runs each case at a small scale. */
export const full = process.env.PIPEWRIGHT_RELIABILITY === 'full';
export const scale = (short: number, long: number): number => (full ? long : short);

export const figuresFile = path.join(repoRoot, 'test-results', 'reliability.jsonl');

/** One row of the table build/reliability.mjs prints: what was tested, the figure measured, and whether it met its bar. */
export function recordFigure(test: string, figure: string, pass: boolean): void {
  mkdirSync(path.dirname(figuresFile), { recursive: true });
  appendFileSync(figuresFile, `${JSON.stringify({ test, figure, pass, at: new Date().toISOString() })}\n`);
}

/** The p-th percentile (0-100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
