import { useCallback } from 'react';
import { api } from '../api/client';
import { askUser } from '../store/ask-user';
import { useAppStore } from '../store/app-store';
import { useRefreshPipelines } from './useRefreshPipelines';

/**
 * Renames a pipeline: its name, and its id and file name, which follow the
 * name. A name another pipeline's id already has is asked for again, with
 * the reason. Unsaved changes of the open pipeline stay as they are.
 */
export function useRenamePipeline(): (pipelineId: string) => Promise<void> {
  const refresh = useRefreshPipelines();
  return useCallback(
    async (pipelineId) => {
      const summary = useAppStore.getState().pipelines?.find((p) => p.id === pipelineId);
      let name = summary?.name ?? pipelineId;
      let problem: string | undefined;
      for (;;) {
        const answer = await askUser({
          title: `Rename “${summary?.name ?? pipelineId}”`,
          message: problem ?? 'The file is renamed too, after the new name. Its run history stays with it.',
          input: { label: 'Name', value: name },
          actions: [
            { id: 'rename', label: 'Rename', kind: 'primary' },
            { id: 'cancel', label: 'Cancel' },
          ],
        });
        if (answer?.action !== 'rename' || !answer.text.trim()) return;
        name = answer.text;
        const { renameOpenPipeline, setRecentPipelineIds, showError, dismissError } = useAppStore.getState();
        try {
          const renamed = await api.renamePipeline(pipelineId, name);
          renameOpenPipeline(pipelineId, renamed);
          dismissError();
          await refresh();
          setRecentPipelineIds(await api.listRecentPipelines());
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== 'E_PIPELINE_007') return showError(error);
          problem = `${(error as Error).message}.`;
        }
      }
    },
    [refresh],
  );
}
