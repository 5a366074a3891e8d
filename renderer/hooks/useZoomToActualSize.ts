import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';

/** Zooms to 100% around the middle of the canvas. */
export function useZoomToActualSize(): () => void {
  const { zoomTo } = useReactFlow();
  return useCallback(() => void zoomTo(1, { duration: 200 }), [zoomTo]);
}
