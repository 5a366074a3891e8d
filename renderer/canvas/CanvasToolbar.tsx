import { Panel } from '@xyflow/react';
import { useAddFrame, useAddNote } from '../hooks/useAddAnnotation';
import { useAppStore } from '../store/app-store';

const selectAnyNodeSelected = (s: { selectedNodeIds: string[] }) => s.selectedNodeIds.length > 0;

/** Canvas tools at hand: a sticky note, a frame (around the selection when there is one). */
export function CanvasToolbar() {
  const addNote = useAddNote();
  const addFrame = useAddFrame();
  const framesSelection = useAppStore(selectAnyNodeSelected);
  return (
    <Panel position="top-left" className="pw-canvas-toolbar">
      <button type="button" className="pw-canvas-toolbar__button" data-testid="add-note" title="Add a sticky note (Shift+N)" onClick={addNote}>
        <span aria-hidden="true">✎</span> Note
      </button>
      <button
        type="button"
        className="pw-canvas-toolbar__button"
        data-testid="add-frame"
        title={framesSelection ? 'Frame the selected nodes (Shift+F)' : 'Add a frame (Shift+F)'}
        onClick={addFrame}
      >
        <span aria-hidden="true">⬚</span> {framesSelection ? 'Frame selection' : 'Frame'}
      </button>
    </Panel>
  );
}
