import { useCallback } from 'react';
import type { PipelineFile } from '../../node-library/contract';
import { api } from '../api/client';
import { askUser } from '../store/ask-user';
import { useAppStore } from '../store/app-store';

/**
 * After opening a pipeline: when the autosave kept changes that never reached
 * its file (the app crashed or the tab closed), offers them back. Restoring
 * puts them on the canvas as unsaved changes, one undo step from the file.
 */
export function useOfferDraft(): (opened: PipelineFile) => Promise<void> {
  return useCallback(async (opened) => {
    const draft = await api.loadDraft(opened.id).catch(() => null);
    if (!draft || useAppStore.getState().openPipeline !== opened) return;
    const answer = await askUser({
      title: `Restore unsaved changes to “${opened.name}”?`,
      message: `Changes from ${new Date(draft.savedAt).toLocaleString()} were never saved. Restore them to keep working on them, or discard them and keep the file as it is.`,
      actions: [
        { id: 'restore', label: 'Restore draft', kind: 'primary' },
        { id: 'discard', label: 'Discard draft', kind: 'danger' },
      ],
    });
    const { openPipeline, edit, showError } = useAppStore.getState();
    // Dismissed (Escape): the draft stays for next time.
    if (answer?.action === 'restore' && openPipeline === opened) edit(() => draft.pipeline);
    if (answer?.action === 'discard') await api.discardDraft(opened.id).catch(showError);
  }, []);
}
