import { useCallback } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';
import { useRefreshPipelines } from './useRefreshPipelines';

/** Copies a pipeline's saved file as `<id>-copy`; the copy appears in the list, the editor stays where it is. */
export function useDuplicatePipeline(): (pipelineId: string) => Promise<void> {
  const refresh = useRefreshPipelines();
  return useCallback(
    async (pipelineId) => {
      const { showError, dismissError } = useAppStore.getState();
      try {
        await api.duplicatePipeline(pipelineId);
        dismissError();
        await refresh();
      } catch (error) {
        showError(error);
      }
    },
    [refresh],
  );
}
