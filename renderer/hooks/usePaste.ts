import { useCallback } from 'react';
import { freeOffset, insertFragment, parseFragment } from '../edits/fragment';
import { useAppStore } from '../store/app-store';

/**
 * Pastes pipeline JSON from the clipboard (`text` from a paste event, else
 * navigator.clipboard): nodes get fresh ids where theirs are taken, and the
 * pasted nodes become the selection. One undo step.
 */
export function usePaste(): (text?: string) => Promise<void> {
  return useCallback(async (text) => {
    const { showError } = useAppStore.getState();
    let clip = text;
    if (clip === undefined) {
      try {
        clip = await navigator.clipboard.readText();
      } catch (error) {
        showError({ message: `Could not read the clipboard (${(error as Error).message}). Press Ctrl/Cmd+V on the canvas instead.` });
        return;
      }
    }
    const fragment = parseFragment(clip);
    if (!fragment) {
      showError({ message: 'The clipboard holds no Pipewright nodes. Copy nodes (pipeline JSON with a "nodes" list) and paste again.' });
      return;
    }
    const { openPipeline, edit, select } = useAppStore.getState();
    if (!openPipeline) return;
    let pasted: string[] = [];
    edit((pipeline) => {
      const result = insertFragment(pipeline, fragment, freeOffset(pipeline, fragment));
      pasted = result.nodeIds;
      return result.pipeline;
    });
    select({ selectedNodeIds: pasted });
  }, []);
}
