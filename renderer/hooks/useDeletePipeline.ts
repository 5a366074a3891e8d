import { useCallback } from 'react';
import { api } from '../api/client';
import { askUser } from '../store/ask-user';
import { useAppStore } from '../store/app-store';
import { useRefreshPipelines } from './useRefreshPipelines';

/** Deletes a pipeline's file after the user confirms; closes it if it is open. */
export function useDeletePipeline(): (pipelineId: string) => Promise<void> {
  const refresh = useRefreshPipelines();
  return useCallback(
    async (pipelineId) => {
      const { pipelines, openPipeline } = useAppStore.getState();
      const name = pipelines?.find((p) => p.id === pipelineId)?.name ?? pipelineId;
      const answer = await askUser({
        title: `Delete “${name}”?`,
        message: `This removes ${pipelineId}.pipeline.json from the pipelines folder. Its run history stays.`,
        actions: [
          { id: 'delete', label: 'Delete', kind: 'danger' },
          { id: 'cancel', label: 'Cancel' },
        ],
      });
      if (answer?.action !== 'delete') return;
      const { closePipeline, showError } = useAppStore.getState();
      try {
        await api.deletePipeline(pipelineId);
        if (openPipeline?.id === pipelineId) closePipeline();
        await refresh();
      } catch (error) {
        showError(error);
      }
    },
    [refresh],
  );
}
