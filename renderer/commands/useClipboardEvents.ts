import { useEffect } from 'react';
import { useCopySelection } from '../hooks/useCopySelection';
import { useCutSelection } from '../hooks/useCutSelection';
import { usePaste } from '../hooks/usePaste';
import { useAppStore } from '../store/app-store';
import { isEditable } from './shortcut';

/**
 * Copy, cut and paste of nodes through the system clipboard's own events
 * (Ctrl/Cmd+C, X, V), which need no clipboard permission. Text fields and
 * selected text keep the browser's behaviour.
 */
export function useClipboardEvents(): void {
  const copy = useCopySelection();
  const cut = useCutSelection();
  const paste = usePaste();
  useEffect(() => {
    const ours = (event: ClipboardEvent) => {
      const { openPipeline, dialog, overlay } = useAppStore.getState();
      return openPipeline !== null && !dialog && !overlay && !isEditable(event.target) && event.clipboardData !== null;
    };
    const textSelected = () => !(getSelection()?.isCollapsed ?? true);
    const onCopyOrCut = (event: ClipboardEvent) => {
      if (!ours(event) || textSelected() || useAppStore.getState().selectedNodeIds.length === 0) return;
      event.preventDefault();
      void (event.type === 'cut' ? cut : copy)(event.clipboardData!);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (!ours(event)) return;
      event.preventDefault();
      void paste(event.clipboardData!.getData('text/plain'));
    };
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopyOrCut);
      document.removeEventListener('cut', onCopyOrCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [copy, cut, paste]);
}
