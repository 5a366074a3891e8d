import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { NodeSize, XY } from '../store/pipeline-slice';

export interface CanvasUpdates {
  positions: Record<string, XY>;
  /** Whether the positions are moves of a drag still in progress. */
  dragging: boolean;
  sizes: Record<string, NodeSize>;
  selected: Record<string, boolean>;
  /** Frames and notes being resized by their handles: the new box, and whether the resize goes on. */
  resized: Record<string, { box: Partial<XY & NodeSize>; resizing: boolean }>;
}

/**
 * What the store keeps of xyflow's node changes: positions, measured sizes,
 * selection and resizes. Removals are ignored: deleting goes through useDeleteSelection.
 */
export function collectNodeChanges(changes: NodeChange[]): CanvasUpdates {
  const updates: CanvasUpdates = { positions: {}, dragging: false, sizes: {}, selected: {}, resized: {} };
  // A resize from the left or top edge moves the item too; that move belongs to the resize, not to a drag.
  const resizing = new Set(changes.filter((c) => c.type === 'dimensions' && c.resizing !== undefined).map((c) => (c as { id: string }).id));
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      if (resizing.has(change.id)) updates.resized[change.id] = { box: { ...updates.resized[change.id]?.box, ...change.position }, resizing: true };
      else {
        updates.positions[change.id] = change.position;
        updates.dragging ||= change.dragging === true;
      }
    }
    if (change.type === 'dimensions' && change.dimensions) {
      if (change.resizing === undefined) updates.sizes[change.id] = change.dimensions;
      else updates.resized[change.id] = { box: { ...updates.resized[change.id]?.box, ...change.dimensions }, resizing: change.resizing };
    }
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
