import type { PipelineFile } from '../../node-library/contract';

/** JSON with object keys sorted, so key order never counts as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

let last: { a: PipelineFile; b: PipelineFile; same: boolean } | undefined;

/** Whether two pipelines would save to the same file; the last answer is remembered. */
export function samePipeline(a: PipelineFile | null, b: PipelineFile | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (last && last.a === a && last.b === b) return last.same;
  last = { a, b, same: canonical(a) === canonical(b) };
  return last.same;
}
