import { useCallback } from 'react';
import { extractFragment, freeOffset, insertFragment } from '../edits/fragment';
import { useAppStore } from '../store/app-store';

/** Duplicates the selected nodes and the edges between them, offset, and selects the copies. */
export function useDuplicateSelection(): () => void {
  return useCallback(() => {
    const { openPipeline, selectedNodeIds, edit, select } = useAppStore.getState();
    const fragment = openPipeline && extractFragment(openPipeline, selectedNodeIds);
    if (!fragment) return;
    let copies: string[] = [];
    edit((pipeline) => {
      const result = insertFragment(pipeline, fragment, freeOffset(pipeline, fragment));
      copies = result.nodeIds;
      return result.pipeline;
    });
    select({ selectedNodeIds: copies });
  }, []);
}
