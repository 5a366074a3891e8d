import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { canvasPointer } from '../canvas/canvas-pointer';
import { useAppStore } from '../store/app-store';
import type { XY } from '../store/pipeline-slice';
import type { QuickAdd } from '../store/ui-slice';

/**
 * Opens the quick-add list at a screen position: given, else the pointer's
 * last place over the canvas, else the canvas centre.
 */
export function useOpenQuickAdd(): (screen?: XY, from?: QuickAdd['from']) => void {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (screen, from) => {
      const { openPipeline, setOverlay } = useAppStore.getState();
      if (!openPipeline) return;
      const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      const at = screen ?? canvasPointer.get() ?? (pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 3 } : { x: 400, y: 300 });
      setOverlay({ kind: 'quickAdd', quickAdd: { screen: at, flow: screenToFlowPosition(at), from } });
    },
    [screenToFlowPosition],
  );
}
