import { useCallback } from 'react';
import { extractFragment, fragmentText } from '../edits/fragment';
import { useAppStore } from '../store/app-store';

/**
 * Copies the selected nodes, the edges between them and their layout to the
 * system clipboard as pipeline JSON. With `data` (a copy event's clipboard)
 * it writes there; else through navigator.clipboard. Resolves true when copied.
 */
export function useCopySelection(): (data?: DataTransfer) => Promise<boolean> {
  return useCallback(async (data) => {
    const { openPipeline, selectedNodeIds, showError } = useAppStore.getState();
    const fragment = openPipeline && extractFragment(openPipeline, selectedNodeIds);
    if (!fragment) return false;
    const text = fragmentText(fragment);
    if (data) {
      data.setData('text/plain', text);
      return true;
    }
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      showError({ message: `Could not write to the clipboard (${(error as Error).message}). Press Ctrl/Cmd+C on the canvas instead.` });
      return false;
    }
  }, []);
}
