import { useCallback } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';
import { useRefreshPipelines } from './useRefreshPipelines';

/** Writes the open pipeline to its file (Ctrl/Cmd+S). Resolves true when saved. */
export function useSavePipeline(): () => Promise<boolean> {
  const refresh = useRefreshPipelines();
  return useCallback(async () => {
    const { openPipeline, markSaved, showError, dismissError } = useAppStore.getState();
    if (!openPipeline) return false;
    try {
      await api.savePipeline(openPipeline.id, openPipeline);
      markSaved(openPipeline);
      dismissError();
      const problems = await api.validatePipeline(openPipeline);
      if (problems.length > 0) {
        showError({
          message: `Saved with ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}. The file opens again only once they are fixed; see Problems below.`,
        });
      }
      await refresh();
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }, [refresh]);
}
