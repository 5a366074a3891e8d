import type { PipelineFile } from '../../node-library/contract';
import type { SliceCreator } from './app-state';

export interface Selection {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** Frames and notes: canvas items, kept apart so node commands never see them. */
  selectedAnnotationIds: string[];
}

export interface SelectionSlice extends Selection {
  /** Replaces the selection. */
  select(selection: Partial<Selection>): void;
  /** Applies xyflow's select changes (clicks, shift-clicks, the selection box). */
  applySelectionChanges(nodes: Record<string, boolean>, edges: Record<string, boolean>, annotations?: Record<string, boolean>): void;
}

export const noSelection: Selection = { selectedNodeIds: [], selectedEdgeIds: [], selectedAnnotationIds: [] };

const same = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

function applied(current: string[], changes: Record<string, boolean>): string[] {
  const next = current.filter((id) => changes[id] !== false);
  for (const [id, selected] of Object.entries(changes)) if (selected && !next.includes(id)) next.push(id);
  return same(next, current) ? current : next;
}

/** The selection without ids that `pipeline` no longer has (after a delete, an undo...). */
export function pruneSelection(selection: Selection, pipeline: PipelineFile): Partial<Selection> {
  const nodeIds = selection.selectedNodeIds.filter((id) => pipeline.nodes.some((n) => n.id === id));
  const edgeIds = selection.selectedEdgeIds.filter((id) => pipeline.edges.some((e) => e.id === id));
  const annotationIds = selection.selectedAnnotationIds.filter((id) => pipeline.annotations?.some((a) => a.id === id));
  return {
    ...(same(annotationIds, selection.selectedAnnotationIds) ? {} : { selectedAnnotationIds: annotationIds }),
    ...(same(nodeIds, selection.selectedNodeIds) ? {} : { selectedNodeIds: nodeIds }),
    ...(same(edgeIds, selection.selectedEdgeIds) ? {} : { selectedEdgeIds: edgeIds }),
  };
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  ...noSelection,
  select: (selection) => set({ ...noSelection, ...selection }),
  applySelectionChanges: (nodes, edges, annotations = {}) =>
    set((s) => ({
      selectedNodeIds: applied(s.selectedNodeIds, nodes),
      selectedEdgeIds: applied(s.selectedEdgeIds, edges),
      selectedAnnotationIds: applied(s.selectedAnnotationIds, annotations),
    })),
});
