import { useCallback, useRef } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';
import { useConfirmLeave } from './useConfirmLeave';
import { useOfferDraft } from './useOfferDraft';

/**
 * Opens a pipeline by id, asking first when the open one has unsaved changes,
 * then offering back a draft the autosave kept. When opens overlap, the last one asked for wins.
 */
export function useOpenPipeline(): (pipelineId: string) => Promise<void> {
  const latest = useRef(0);
  const confirmLeave = useConfirmLeave();
  const offerDraft = useOfferDraft();
  return useCallback(
    async (pipelineId: string) => {
      const request = ++latest.current;
      if (!(await confirmLeave())) return;
      const { setOpenPipeline, showError, dismissError } = useAppStore.getState();
      try {
        const pipeline = await api.loadPipeline(pipelineId);
        if (request !== latest.current) return;
        setOpenPipeline(pipeline);
        dismissError();
        await offerDraft(pipeline);
      } catch (error) {
        if (request === latest.current) showError(error);
      }
    },
    [confirmLeave, offerDraft],
  );
}
