import { useCallback } from 'react';
import { useAppStore } from '../store/app-store';

/** Selects every node and edge of the open pipeline. */
export function useSelectAll(): () => void {
  return useCallback(() => {
    const { openPipeline, select } = useAppStore.getState();
    if (openPipeline) select({ selectedNodeIds: openPipeline.nodes.map((n) => n.id), selectedEdgeIds: openPipeline.edges.map((e) => e.id) });
  }, []);
}
