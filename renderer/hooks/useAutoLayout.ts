import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { elkLayout } from '../canvas/elk-layout';
import { useAppStore } from '../store/app-store';

/** Lays out the selection (two or more nodes) or else the whole graph with elkjs: one undo step. */
export function useAutoLayout(): () => Promise<void> {
  const { fitView } = useReactFlow();
  return useCallback(async () => {
    const { openPipeline, nodeSizes, selectedNodeIds, showError } = useAppStore.getState();
    if (!openPipeline) return;
    const only = selectedNodeIds.length > 1 ? selectedNodeIds : [];
    try {
      const positions = await elkLayout(openPipeline, nodeSizes, only);
      const { edit } = useAppStore.getState();
      edit((pipeline) => {
        if (pipeline !== openPipeline) return pipeline; // edited meanwhile: leave it
        const layout = { ...pipeline.layout };
        for (const [id, at] of Object.entries(positions)) layout[id] = { ...layout[id], ...at };
        return { ...pipeline, layout };
      });
      if (only.length === 0) await fitView({ padding: 0.25, maxZoom: 1.1, duration: 200 });
    } catch (error) {
      showError(error);
    }
  }, [fitView]);
}
