import { useCallback } from 'react';
import { api } from '../api/client';
import { askUser } from '../store/ask-user';
import { useAppStore } from '../store/app-store';
import { useRefreshPipelines } from './useRefreshPipelines';

/**
 * Save As: the canvas as it is (saved or not) becomes a new pipeline file
 * under a name the user gives, and the editor moves to it. The original file
 * stays as it was on disk.
 */
export function useSavePipelineAs(): () => Promise<void> {
  const refresh = useRefreshPipelines();
  return useCallback(async () => {
    const current = useAppStore.getState().openPipeline;
    if (!current) return;
    const answer = await askUser({
      title: `Save “${current.name}” as…`,
      message: 'A new pipeline file, named after it. The original file stays as it was last saved.',
      input: { label: 'Name', value: `${current.name} copy` },
      actions: [
        { id: 'save-as', label: 'Save', kind: 'primary' },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (answer?.action !== 'save-as' || !answer.text.trim()) return;
    const { openPipeline, setOpenPipeline, showError, dismissError } = useAppStore.getState();
    if (!openPipeline) return;
    try {
      const saved = await api.savePipelineAs(openPipeline, answer.text);
      // The unsaved changes now live in the new file: the original's draft would only offer them twice.
      await api.discardDraft(openPipeline.id).catch(() => undefined);
      setOpenPipeline(saved);
      dismissError();
      await refresh();
    } catch (error) {
      showError(error);
    }
  }, [refresh]);
}
