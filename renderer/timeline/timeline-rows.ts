import type { NodeRunRecord, NodeState, RunDetail, RunEvent } from '../../node-library/contract';

export interface TimelineBar {
  /** `wait`: queued before the first attempt, or backing off between attempts. */
  kind: 'wait' | 'attempt';
  start: number;
  end: number;
  state: NodeState | 'queued';
  attempt: number;
  error?: string;
}

export interface TimelineRow {
  key: string;
  nodeId: string;
  label: string;
  /** Set on a mapped item's row; item rows follow their node's row. */
  item?: number;
  bars: TimelineBar[];
  critical: boolean;
}

export interface Timeline {
  rows: TimelineRow[];
  start: number;
  end: number;
  /** Node ids from the first to the last node of the chain that decided the run's length. */
  criticalPath: string[];
  /** Mapped items not drawn, by node id (a run can map over thousands). */
  hiddenItems: Record<string, number>;
}

/** Item rows drawn per mapped node; the rest are counted. */
export const maxItemRows = 20;

/**
 * One row per node (in pipeline order) and per mapped item, with its waits,
 * attempts and retries, and the critical path: from the node that finished
 * last, back through the upstream node that finished last before it.
 */
export function buildTimeline(detail: RunDetail, events: readonly RunEvent[]): Timeline {
  const { pipeline, nodeRuns, run } = detail;
  const queuedAt = new Map<string, number>();
  for (const e of events) if (e.type === 'node:state' && e.state === 'queued' && e.item === undefined && !queuedAt.has(e.nodeId)) queuedAt.set(e.nodeId, e.at);

  const byNode = new Map<string, NodeRunRecord[]>();
  const byItem = new Map<string, Map<number, NodeRunRecord[]>>();
  for (const r of nodeRuns) {
    if (r.item === undefined) push(byNode, r.nodeId, r);
    else {
      let items = byItem.get(r.nodeId);
      if (!items) byItem.set(r.nodeId, (items = new Map()));
      push(items, r.item, r);
    }
  }

  const finished = new Map<string, number>();
  for (const [nodeId, records] of byNode) finished.set(nodeId, Math.max(...records.map((r) => r.finishedAt ?? r.startedAt)));
  const critical = criticalPath(pipeline.edges, finished);
  const onPath = new Set(critical);

  const rows: TimelineRow[] = [];
  const hiddenItems: Record<string, number> = {};
  for (const node of pipeline.nodes) {
    const records = byNode.get(node.id);
    if (!records) continue;
    const label = node.label ?? node.id;
    rows.push({ key: node.id, nodeId: node.id, label, bars: bars(records, queuedAt.get(node.id)), critical: onPath.has(node.id) });
    const items = [...(byItem.get(node.id) ?? [])].sort((a, b) => a[0] - b[0]);
    for (const [item, itemRecords] of items.slice(0, maxItemRows)) {
      rows.push({ key: `${node.id}#${item}`, nodeId: node.id, label: `item ${item}`, item, bars: bars(itemRecords, undefined), critical: false });
    }
    if (items.length > maxItemRows) hiddenItems[node.id] = items.length - maxItemRows;
  }

  const times = rows.flatMap((r) => r.bars.flatMap((b) => [b.start, b.end]));
  const start = Math.min(run.startedAt, ...times);
  const end = Math.max(run.finishedAt ?? start, ...times);
  return { rows, start, end, criticalPath: critical, hiddenItems };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function bars(records: readonly NodeRunRecord[], queuedAt: number | undefined): TimelineBar[] {
  const sorted = [...records].sort((a, b) => a.startedAt - b.startedAt || a.attempt - b.attempt);
  const out: TimelineBar[] = [];
  const first = sorted[0];
  if (queuedAt !== undefined && first && first.attempt > 0 && first.startedAt > queuedAt) {
    out.push({ kind: 'wait', start: queuedAt, end: first.startedAt, state: 'queued', attempt: 0 });
  }
  sorted.forEach((r, i) => {
    const previous = sorted[i - 1];
    if (previous?.finishedAt !== undefined && r.startedAt > previous.finishedAt) {
      out.push({ kind: 'wait', start: previous.finishedAt, end: r.startedAt, state: 'retrying', attempt: r.attempt });
    }
    out.push({ kind: 'attempt', start: r.startedAt, end: r.finishedAt ?? r.startedAt, state: r.state, attempt: r.attempt, error: r.error?.message });
  });
  return out;
}

/** From the last node to finish, back through the upstream node that finished last, to a node with no upstream. */
export function criticalPath(edges: readonly { from: { node: string }; to: { node: string } }[], finished: ReadonlyMap<string, number>): string[] {
  let current: string | undefined;
  // On a tie the later one (in start order) wins: a node that ends with its upstream was gated by it.
  for (const [nodeId, at] of finished) if (current === undefined || at >= finished.get(current)!) current = nodeId;
  const path: string[] = [];
  const seen = new Set<string>();
  while (current !== undefined && !seen.has(current)) {
    path.unshift(current);
    seen.add(current);
    let gate: string | undefined;
    for (const e of edges) {
      if (e.to.node !== current || !finished.has(e.from.node)) continue;
      if (gate === undefined || finished.get(e.from.node)! > finished.get(gate)!) gate = e.from.node;
    }
    current = gate;
  }
  return path;
}
