import { useCallback } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';
import { useRefreshPipelines } from './useRefreshPipelines';

/** Writes the open pipeline to its file (Ctrl/Cmd+S). Resolves true when saved. */
export function useSavePipeline(): () => Promise<boolean> {
  const refresh = useRefreshPipelines();
  return useCallback(async () => {
    const { openPipeline, markSaved, showError, dismissError } = useAppStore.getState();
    // A work in progress saves with its problems: it reopens as it is, and the problems panel keeps listing them.
    if (!openPipeline) return false;
    try {
      await api.savePipeline(openPipeline.id, openPipeline);
      markSaved(openPipeline);
      dismissError();
      await refresh();
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }, [refresh]);
}
