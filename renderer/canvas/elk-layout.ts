import type { ElkNode } from 'elkjs/lib/elk-api';
import type { PipelineFile } from '../../node-library/contract';
import type { NodeSize, XY } from '../store/pipeline-slice';

const defaultSize: NodeSize = { width: 220, height: 100 };
const grid = 20;
const snap = (v: number) => Math.round(v / grid) * grid;

/** elkjs is large: loaded on first use, never at start-up. */
let elk: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | undefined;
const loadElk = () => (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK()));

/**
 * New positions for `nodeIds` (all nodes when empty): a left-to-right layered
 * layout of them and the edges between them. A partial layout keeps the
 * selection's top-left corner where it was.
 */
export async function elkLayout(pipeline: PipelineFile, sizes: Record<string, NodeSize>, nodeIds: readonly string[] = []): Promise<Record<string, XY>> {
  const ids = new Set(nodeIds.length > 0 ? nodeIds : pipeline.nodes.map((n) => n.id));
  const nodes = pipeline.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return {};
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: nodes.map((n) => ({ id: n.id, ...(sizes[n.id] ?? defaultSize) })),
    edges: pipeline.edges
      .filter((e) => ids.has(e.from.node) && ids.has(e.to.node))
      .map((e) => ({ id: e.id, sources: [e.from.node], targets: [e.to.node] })),
  };
  const laid = await (await loadElk()).layout(graph);
  const origin = nodeIds.length > 0 ? topLeft(pipeline, nodes.map((n) => n.id)) : { x: 40, y: 80 };
  const positions: Record<string, XY> = {};
  for (const child of laid.children ?? []) positions[child.id] = { x: snap(origin.x + (child.x ?? 0)), y: snap(origin.y + (child.y ?? 0)) };
  return positions;
}

function topLeft(pipeline: PipelineFile, ids: string[]): XY {
  const placed = ids.map((id) => pipeline.layout[id]).filter((l) => l !== undefined);
  if (placed.length === 0) return { x: 40, y: 80 };
  return { x: Math.min(...placed.map((l) => l.x)), y: Math.min(...placed.map((l) => l.y)) };
}
