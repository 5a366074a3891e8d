import { useCallback } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';

/** Cancels the current run; its nodes then report `cancelled` through run events. */
export function useCancelRun(): () => Promise<void> {
  return useCallback(async () => {
    const { runId, showError } = useAppStore.getState();
    if (!runId) return;
    try {
      await api.cancelRun(runId);
    } catch (error) {
      showError(error);
    }
  }, []);
}
