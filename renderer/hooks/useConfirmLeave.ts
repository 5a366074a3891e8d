import { useCallback } from 'react';
import { api } from '../api/client';
import { discardDraftOf } from '../pipelines/draft-autosave';
import { askUser } from '../store/ask-user';
import { useAppStore } from '../store/app-store';
import { selectDirty } from '../store/selectors';
import { useSavePipeline } from './useSavePipeline';

/**
 * Before leaving the open pipeline: when it has unsaved changes, asks whether
 * to save them. Resolves true when it is fine to leave.
 */
export function useConfirmLeave(): () => Promise<boolean> {
  const save = useSavePipeline();
  return useCallback(async () => {
    const state = useAppStore.getState();
    if (!selectDirty(state)) return true;
    const answer = await askUser({
      title: `Save changes to “${state.openPipeline?.name}”?`,
      message: 'Your changes are lost if you leave without saving them.',
      actions: [
        { id: 'save', label: 'Save', kind: 'primary' },
        { id: 'discard', label: 'Discard changes', kind: 'danger' },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (answer?.action === 'save') return save();
    if (answer?.action !== 'discard') return false;
    // Discarded on purpose: no draft should offer them back later.
    if (state.openPipeline) void discardDraftOf(state.openPipeline, api);
    return true;
  }, [save]);
}
