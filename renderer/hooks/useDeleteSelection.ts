import { useCallback } from 'react';
import { removeAnnotations } from '../edits/annotations';
import { removeElements } from '../edits/remove-elements';
import { useAppStore } from '../store/app-store';

/** Deletes the selected nodes (with their edges), edges, frames and notes: one undo step. */
export function useDeleteSelection(): () => void {
  return useCallback(() => {
    const { selectedNodeIds, selectedEdgeIds, selectedAnnotationIds, edit } = useAppStore.getState();
    edit((pipeline) => removeAnnotations(removeElements(pipeline, selectedNodeIds, selectedEdgeIds), selectedAnnotationIds));
  }, []);
}
