import { useCallback } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';

/** Reloads the sidebar's pipeline list from the folder. */
export function useRefreshPipelines(): () => Promise<void> {
  return useCallback(async () => {
    const { setPipelines, showError } = useAppStore.getState();
    try {
      setPipelines(await api.listPipelines());
    } catch (error) {
      showError(error);
    }
  }, []);
}
