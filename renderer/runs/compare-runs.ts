import type { NodeState, ParamValue, RunDetail } from '../../node-library/contract';

export interface NodeOutcome {
  state: NodeState;
  durationMs?: number;
  rowsOut?: number;
  /** Attempts that ran (0 when the output was cached or reused). */
  attempts: number;
  cached: boolean;
}

export interface NodeComparison {
  nodeId: string;
  label: string;
  a?: NodeOutcome;
  b?: NodeOutcome;
}

export interface ParamDifference {
  name: string;
  a?: ParamValue;
  b?: ParamValue;
}

/** Each node's outcome in a run: its last state, its time from first start to last end, its rows out. */
export function nodeOutcomes(detail: RunDetail): Map<string, NodeOutcome> {
  const out = new Map<string, NodeOutcome>();
  const firstStart = new Map<string, number>();
  for (const r of detail.nodeRuns) {
    if (r.item !== undefined) continue;
    if (!firstStart.has(r.nodeId)) firstStart.set(r.nodeId, r.startedAt);
    const previous = out.get(r.nodeId);
    out.set(r.nodeId, {
      state: r.state,
      durationMs: r.finishedAt === undefined ? undefined : r.finishedAt - firstStart.get(r.nodeId)!,
      rowsOut: r.rowsOut ?? previous?.rowsOut,
      attempts: (previous?.attempts ?? 0) + (r.attempt > 0 ? 1 : 0),
      cached: r.cached,
    });
  }
  return out;
}

/** Per node (the first run's nodes, then any only the second has), both outcomes side by side. */
export function compareRuns(a: RunDetail, b: RunDetail): NodeComparison[] {
  const outcomesA = nodeOutcomes(a);
  const outcomesB = nodeOutcomes(b);
  const labels = new Map<string, string>();
  for (const node of [...b.pipeline.nodes, ...a.pipeline.nodes]) labels.set(node.id, node.label ?? node.id);
  const ids = [...new Set([...a.pipeline.nodes.map((n) => n.id), ...b.pipeline.nodes.map((n) => n.id)])];
  return ids.map((nodeId) => ({ nodeId, label: labels.get(nodeId)!, a: outcomesA.get(nodeId), b: outcomesB.get(nodeId) }));
}

/** The run parameters whose values differ (or are set in only one run). */
export function paramDifferences(a: Record<string, ParamValue>, b: Record<string, ParamValue>): ParamDifference[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((name) => a[name] !== b[name]).map((name) => ({ name, a: a[name], b: b[name] }));
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
