import { useCallback } from 'react';
import { removeElements } from '../edits/remove-elements';
import { useAppStore } from '../store/app-store';

/** Deletes the selected nodes (with their edges) and the selected edges: one undo step. */
export function useDeleteSelection(): () => void {
  return useCallback(() => {
    const { selectedNodeIds, selectedEdgeIds, edit } = useAppStore.getState();
    edit((pipeline) => removeElements(pipeline, selectedNodeIds, selectedEdgeIds));
  }, []);
}
