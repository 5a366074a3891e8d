import type { NodeChange } from '@xyflow/react';
import type { NodeSize, XY } from '../store/pipeline-slice';
import type { PipelineFlowNode } from './to-flow';

export interface CanvasUpdates {
  positions: Record<string, XY>;
  sizes: Record<string, NodeSize>;
}

/**
 * What the store keeps of xyflow's node changes: dragged positions and
 * measured sizes. Selection is handled by clicks; nodes cannot be removed yet.
 */
export function collectNodeChanges(changes: NodeChange<PipelineFlowNode>[]): CanvasUpdates {
  const updates: CanvasUpdates = { positions: {}, sizes: {} };
  for (const change of changes) {
    if (change.type === 'position' && change.position) updates.positions[change.id] = change.position;
    if (change.type === 'dimensions' && change.dimensions) updates.sizes[change.id] = change.dimensions;
  }
  return updates;
}
