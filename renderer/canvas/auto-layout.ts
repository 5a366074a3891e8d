import type { PipelineFile } from '../../node-library/contract';
import type { XY } from '../store/pipeline-slice';

export const columnGap = 280;
export const rowGap = 140;
const origin = { x: 40, y: 80 };

/**
 * A simple left-to-right placement for nodes without a layout entry: the
 * column is the node's depth in the graph (longest path from a source), the
 * row its order within that column.
 */
export function autoLayout(pipeline: Pick<PipelineFile, 'nodes' | 'edges'>): Record<string, XY> {
  const depth = new Map(pipeline.nodes.map((n) => [n.id, 0]));
  // Relax edges at most once per node: enough for a DAG, and a cycle cannot loop forever.
  for (let pass = 0; pass < pipeline.nodes.length; pass++) {
    let changed = false;
    for (const { from, to } of pipeline.edges) {
      const next = (depth.get(from.node) ?? 0) + 1;
      if (depth.has(to.node) && next > depth.get(to.node)! && next < pipeline.nodes.length) {
        depth.set(to.node, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const rows = new Map<number, number>();
  const positions: Record<string, XY> = {};
  for (const node of pipeline.nodes) {
    const column = depth.get(node.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions[node.id] = { x: origin.x + column * columnGap, y: origin.y + row * rowGap };
  }
  return positions;
}
