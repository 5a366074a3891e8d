import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { addFrame, addNote, boxAround, frameSize, freePlace, noteSize } from '../edits/annotations';
import { useAppStore } from '../store/app-store';
import type { XY } from '../store/pipeline-slice';

/** The middle of the visible canvas, in flow coordinates. */
function useCanvasCenter(): () => XY {
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(() => {
    const pane = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    return screenToFlowPosition(pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 });
  }, [screenToFlowPosition]);
}

/** Adds a sticky note near the middle of the canvas where it hides nothing, selected and open for typing. */
export function useAddNote(): () => void {
  const center = useCanvasCenter();
  return useCallback(() => {
    const { openPipeline, nodeSizes, edit, select, setEditingNote } = useAppStore.getState();
    if (!openPipeline) return;
    const at = center();
    const place = freePlace(openPipeline, { x: at.x - noteSize.width / 2, y: at.y - noteSize.height / 2, ...noteSize }, nodeSizes);
    const { pipeline, id } = addNote(openPipeline, place);
    edit(() => pipeline);
    select({ selectedAnnotationIds: [id] });
    setEditingNote(id);
  }, [center]);
}

/** Adds a frame around the selected nodes, or an empty one in the middle of the canvas; selected. */
export function useAddFrame(): () => void {
  const center = useCanvasCenter();
  return useCallback(() => {
    const { openPipeline, selectedNodeIds, nodeSizes, edit, select } = useAppStore.getState();
    if (!openPipeline) return;
    const at = center();
    const box = boxAround(openPipeline, selectedNodeIds, nodeSizes) ?? { x: at.x - frameSize.width / 2, y: at.y - frameSize.height / 2, ...frameSize };
    const { pipeline, id } = addFrame(openPipeline, box);
    edit(() => pipeline);
    select({ selectedAnnotationIds: [id] });
  }, [center]);
}
