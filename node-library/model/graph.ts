import type { PipelineFile } from '../contract';

/** Upstream node ids of each node, from the edges. */
export function upstreamOf(pipeline: PipelineFile): Map<string, Set<string>> {
  const upstream = new Map(pipeline.nodes.map((n) => [n.id, new Set<string>()]));
  for (const edge of pipeline.edges) upstream.get(edge.to.node)?.add(edge.from.node);
  return upstream;
}

/**
 * Kahn's algorithm. Returns the nodes in dependency order, plus the ids of
 * nodes on a cycle when there is one.
 */
export function topologicalOrder(pipeline: PipelineFile): { order: string[]; cyclic: string[] } {
  const upstream = upstreamOf(pipeline);
  const remaining = new Map([...upstream].map(([id, ups]) => [id, ups.size]));
  const downstream = new Map<string, string[]>(pipeline.nodes.map((n) => [n.id, []]));
  for (const [id, ups] of upstream) for (const up of ups) downstream.get(up)?.push(id);

  const ready = [...remaining].filter(([, n]) => n === 0).map(([id]) => id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const down of downstream.get(id) ?? []) {
      const left = (remaining.get(down) ?? 0) - 1;
      remaining.set(down, left);
      if (left === 0) ready.push(down);
    }
  }
  const placed = new Set(order);
  return { order, cyclic: onCycles(pipeline.nodes.map((n) => n.id).filter((id) => !placed.has(id)), downstream) };
}

/** Of the nodes Kahn's algorithm could not place, drops those merely downstream of a cycle. */
function onCycles(leftover: string[], downstream: Map<string, string[]>): string[] {
  const left = new Set(leftover);
  let trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (const id of left) {
      if (!(downstream.get(id) ?? []).some((d) => left.has(d))) {
        left.delete(id);
        trimmed = true;
      }
    }
  }
  return [...left];
}
