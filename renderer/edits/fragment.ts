import { nodeLayoutSchema, pipelineEdgeSchema, pipelineNodeSchema, PIPELINE_FORMAT, type PipelineFile } from '../../node-library/contract';
import * as z from 'zod';
import { uniqueEdgeId, uniqueNodeId } from './node-ids';

/** Part of a pipeline as it travels through the clipboard: pipeline JSON with only some nodes. */
export type Fragment = Pick<PipelineFile, 'nodes' | 'edges' | 'layout'> & { format: typeof PIPELINE_FORMAT };

const fragmentSchema = z.object({
  nodes: z.array(pipelineNodeSchema).min(1),
  edges: z.array(pipelineEdgeSchema).default([]),
  layout: z.record(z.string(), nodeLayoutSchema).default({}),
});

/** The nodes, the edges between them and their layout. */
export function extractFragment(pipeline: PipelineFile, nodeIds: readonly string[]): Fragment | null {
  const ids = new Set(nodeIds);
  const nodes = pipeline.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = pipeline.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node));
  const layout = Object.fromEntries(Object.entries(pipeline.layout).filter(([id]) => ids.has(id)));
  return { format: PIPELINE_FORMAT, nodes, edges, layout };
}

/** Clipboard text as a fragment: any pipeline JSON with nodes (a whole file too), else null. */
export function parseFragment(text: string): Fragment | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = fragmentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { nodes, edges, layout } = parsed.data;
  const ids = new Set(nodes.map((n) => n.id));
  return { format: PIPELINE_FORMAT, nodes, edges: edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node)), layout };
}

/**
 * Adds a fragment to the pipeline: ids that are taken get new ones (edges
 * follow), and every node moves by `offset`. Returns the new nodes' ids.
 */
export function insertFragment(pipeline: PipelineFile, fragment: Fragment, offset: { x: number; y: number }): { pipeline: PipelineFile; nodeIds: string[] } {
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of fragment.nodes) {
    const clash = pipeline.nodes.some((n) => n.id === node.id) || taken.has(node.id);
    const id = clash ? uniqueNodeId(pipeline, node.id, taken) : node.id;
    renamed.set(node.id, id);
    taken.add(id);
  }
  const nodes = fragment.nodes.map((node) => ({ ...node, id: renamed.get(node.id)! }));
  const edgeIds = new Set<string>();
  const edges = fragment.edges.map((edge) => {
    const clash = pipeline.edges.some((e) => e.id === edge.id) || edgeIds.has(edge.id);
    const id = clash ? uniqueEdgeId(pipeline, edgeIds) : edge.id;
    edgeIds.add(id);
    return { id, from: { ...edge.from, node: renamed.get(edge.from.node)! }, to: { ...edge.to, node: renamed.get(edge.to.node)! } };
  });
  const layout = { ...pipeline.layout };
  fragment.nodes.forEach((node, i) => {
    const at = fragment.layout[node.id] ?? { x: 40 + i * 40, y: 80 + i * 40 };
    layout[renamed.get(node.id)!] = { ...at, x: Math.round(at.x + offset.x), y: Math.round(at.y + offset.y) };
  });
  return { pipeline: { ...pipeline, nodes: [...pipeline.nodes, ...nodes], edges: [...pipeline.edges, ...edges], layout }, nodeIds: nodes.map((n) => n.id) };
}

/** Clipboard text for a fragment: pipeline JSON, readable in a chat or a diff. */
export const fragmentText = (fragment: Fragment) => `${JSON.stringify(fragment, null, 2)}\n`;

/**
 * How far to move a pasted fragment so no node lands exactly on a node
 * already there: nothing into another pipeline, 40 px steps on repeats.
 */
export function freeOffset(pipeline: PipelineFile, fragment: Fragment, step = 40): { x: number; y: number } {
  const occupied = new Set(Object.values(pipeline.layout).map((l) => `${l.x},${l.y}`));
  for (let k = 0; k < 100; k++) {
    const d = k * step;
    const clash = fragment.nodes.some((n) => {
      const at = fragment.layout[n.id];
      return at !== undefined && occupied.has(`${Math.round(at.x + d)},${Math.round(at.y + d)}`);
    });
    if (!clash) return { x: d, y: d };
  }
  return { x: 0, y: 0 };
}
