import { useCallback } from 'react';
import { api } from '../api/client';
import { askUser } from '../store/ask-user';
import { useAppStore } from '../store/app-store';
import { useConfirmLeave } from './useConfirmLeave';
import { useRefreshPipelines } from './useRefreshPipelines';

/** Asks for a name, creates an empty pipeline file and opens it. */
export function useNewPipeline(): () => Promise<void> {
  const confirmLeave = useConfirmLeave();
  const refresh = useRefreshPipelines();
  return useCallback(async () => {
    if (!(await confirmLeave())) return;
    const answer = await askUser({
      title: 'New pipeline',
      message: 'Its file is named after it, in the pipelines folder.',
      input: { label: 'Name', value: '' },
      actions: [
        { id: 'create', label: 'Create', kind: 'primary' },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (answer?.action !== 'create' || !answer.text.trim()) return;
    const { setOpenPipeline, showError, dismissError } = useAppStore.getState();
    try {
      setOpenPipeline(await api.createPipeline(answer.text));
      dismissError();
      await refresh();
    } catch (error) {
      showError(error);
    }
  }, [confirmLeave, refresh]);
}
