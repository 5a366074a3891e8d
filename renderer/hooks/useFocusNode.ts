import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useAppStore } from '../store/app-store';

/** Selects a node, brings it into view, and asks the inspector to focus one of its fields. */
export function useFocusNode(): (nodeId: string, field?: string) => void {
  const { fitView } = useReactFlow();
  return useCallback(
    (nodeId, field) => {
      const { openPipeline, select, requestFocus } = useAppStore.getState();
      if (!openPipeline?.nodes.some((n) => n.id === nodeId)) return;
      select({ selectedNodeIds: [nodeId] });
      void fitView({ nodes: [{ id: nodeId }], maxZoom: 1.1, duration: 250 });
      if (field) requestFocus(nodeId, field);
    },
    [fitView],
  );
}
