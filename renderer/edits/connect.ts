import { nodePorts, portMismatch, type NodeTypeInfo, type PipelineEdge, type PipelineFile, type PortInfo } from '../../node-library/contract';
import { uniqueEdgeId } from './node-ids';

export type Endpoint = PipelineEdge['from'];

/** A port of a node in the pipeline (its declared ports for code nodes); a type the catalog does not know has ports of type `any`. */
function portOf(pipeline: PipelineFile, types: ReadonlyMap<string, NodeTypeInfo>, end: Endpoint, side: 'inputs' | 'outputs'): PortInfo | null {
  const node = pipeline.nodes.find((n) => n.id === end.node);
  if (!node) return null;
  const info = types.get(node.type);
  if (!info) return { id: end.port, type: 'any' };
  return nodePorts(node, info)[side].find((p) => p.id === end.port) ?? null;
}

/** Whether `target` is downstream of `source` (or is it). */
function reaches(pipeline: PipelineFile, source: string, target: string): boolean {
  const seen = new Set<string>();
  const queue = [source];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of pipeline.edges) if (e.from.node === id) queue.push(e.to.node);
  }
  return false;
}

/**
 * Why an edge from `from` (an output) to `to` (an input) cannot be made, or
 * null when it can. The message is what the canvas shows while dragging.
 */
export function connectionProblem(pipeline: PipelineFile, types: ReadonlyMap<string, NodeTypeInfo>, from: Endpoint, to: Endpoint): string | null {
  if (from.node === to.node) return 'a node cannot feed itself';
  const out = portOf(pipeline, types, from, 'outputs');
  const input = portOf(pipeline, types, to, 'inputs');
  if (!out) return `${from.node} has no output ${from.port}`;
  if (!input) return `${to.node} has no input ${to.port}`;
  const mismatch = portMismatch(out.type, input.type);
  if (mismatch) return mismatch;
  if (reaches(pipeline, to.node, from.node)) return `this edge would close a cycle: ${from.node} already depends on ${to.node}`;
  return null;
}

/**
 * The pipeline with an edge from `from` to `to`. An input takes one edge, so
 * an edge already into `to` is replaced.
 */
export function connect(pipeline: PipelineFile, from: Endpoint, to: Endpoint): PipelineFile {
  const into = (e: PipelineEdge) => e.to.node === to.node && e.to.port === to.port;
  const existing = pipeline.edges.filter(into);
  if (existing.length === 1 && existing[0].from.node === from.node && existing[0].from.port === from.port) return pipeline;
  const kept = pipeline.edges.filter((e) => !into(e));
  // Reuse the replaced edge's id, so a replacement reads as a change of one edge in a diff.
  const id = existing[0]?.id ?? uniqueEdgeId(pipeline);
  return { ...pipeline, edges: [...kept, { id, from: { ...from }, to: { ...to } }] };
}

/** Node types by type name, for the checks above. */
export function typeMap(nodeTypes: readonly NodeTypeInfo[]): ReadonlyMap<string, NodeTypeInfo> {
  return new Map(nodeTypes.map((t) => [t.type, t]));
}
