import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';

/** Zooms and pans so every node is visible. */
export function useFitView(): () => void {
  const { fitView } = useReactFlow();
  return useCallback(() => void fitView({ padding: 0.25, maxZoom: 1.1, duration: 200 }), [fitView]);
}
