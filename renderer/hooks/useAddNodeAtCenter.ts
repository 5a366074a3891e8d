import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useAddNode } from './useAddNode';

/** Adds a node in the middle of the visible canvas (double-click or Enter on a palette item). */
export function useAddNodeAtCenter(): (nodeType: string) => void {
  const { screenToFlowPosition } = useReactFlow();
  const add = useAddNode();
  return useCallback(
    (nodeType) => {
      const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      const center = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 };
      const at = screenToFlowPosition(center);
      add(nodeType, { x: at.x - 110, y: at.y - 40 });
    },
    [add, screenToFlowPosition],
  );
}
