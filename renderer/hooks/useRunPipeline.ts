import { useCallback } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';

/** Runs the open pipeline. Live states and logs arrive through the run-event subscriber. */
export function useRunPipeline(): () => Promise<void> {
  return useCallback(async () => {
    const { openPipeline, runStarting, runStarted, runStartFailed, showError, dismissError } = useAppStore.getState();
    if (!openPipeline) return;
    runStarting();
    try {
      const { runId } = await api.startRun({ pipelineId: openPipeline.id });
      runStarted(runId);
      dismissError();
    } catch (error) {
      runStartFailed();
      showError(error);
    }
  }, []);
}
