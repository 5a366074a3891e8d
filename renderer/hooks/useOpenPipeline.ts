import { useCallback, useRef } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';

/** Opens a pipeline by id. When opens overlap, the last one asked for wins. */
export function useOpenPipeline(): (pipelineId: string) => Promise<void> {
  const latest = useRef(0);
  return useCallback(async (pipelineId: string) => {
    const request = ++latest.current;
    const { setOpenPipeline, showError, dismissError } = useAppStore.getState();
    try {
      const pipeline = await api.loadPipeline(pipelineId);
      if (request !== latest.current) return;
      setOpenPipeline(pipeline);
      dismissError();
    } catch (error) {
      if (request === latest.current) showError(error);
    }
  }, []);
}
