import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { NodeSize, XY } from '../store/pipeline-slice';
import type { PipelineFlowNode } from './to-flow';

export interface CanvasUpdates {
  positions: Record<string, XY>;
  /** Whether the positions are moves of a drag still in progress. */
  dragging: boolean;
  sizes: Record<string, NodeSize>;
  selected: Record<string, boolean>;
}

/**
 * What the store keeps of xyflow's node changes: positions, measured sizes and
 * selection. Removals are ignored: deleting goes through useDeleteSelection.
 */
export function collectNodeChanges(changes: NodeChange<PipelineFlowNode>[]): CanvasUpdates {
  const updates: CanvasUpdates = { positions: {}, dragging: false, sizes: {}, selected: {} };
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      updates.positions[change.id] = change.position;
      updates.dragging ||= change.dragging === true;
    }
    if (change.type === 'dimensions' && change.dimensions) updates.sizes[change.id] = change.dimensions;
    if (change.type === 'select') updates.selected[change.id] = change.selected;
  }
  return updates;
}

/** The selection part of xyflow's edge changes. */
export function collectEdgeSelection(changes: EdgeChange[]): Record<string, boolean> {
  const selected: Record<string, boolean> = {};
  for (const change of changes) if (change.type === 'select') selected[change.id] = change.selected;
  return selected;
}
