import { useCallback } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';
import { selectDirty } from '../store/selectors';
import { useSavePipeline } from './useSavePipeline';

/**
 * Runs the open pipeline. A run reads the file, so unsaved changes are saved
 * first; a pipeline with problems is refused with the list. Live states and
 * logs arrive through the run-event subscriber.
 */
export function useRunPipeline(): () => Promise<void> {
  const save = useSavePipeline();
  return useCallback(async () => {
    const state = useAppStore.getState();
    const { openPipeline, runStarting, runStarted, runStartFailed, showError, dismissError } = state;
    if (!openPipeline) return;
    try {
      const problems = await api.validatePipeline(openPipeline);
      if (problems.length > 0) {
        showError({ message: `Fix these problems before running:\n${problems.map((p) => `- ${p.message}`).join('\n')}` });
        return;
      }
      if (selectDirty(state) && !(await save())) return;
    } catch (error) {
      showError(error);
      return;
    }
    runStarting();
    try {
      const { runId } = await api.startRun({ pipelineId: openPipeline.id });
      runStarted(runId);
      dismissError();
    } catch (error) {
      runStartFailed();
      showError(error);
    }
  }, [save]);
}
