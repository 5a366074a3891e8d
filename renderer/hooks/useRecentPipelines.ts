import { useEffect } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';

/** Loads the recent list at start, and puts each pipeline the editor opens first in it. */
export function useRecentPipelines(): void {
  useEffect(() => {
    let current = true;
    const { setRecentPipelineIds } = useAppStore.getState();
    const apply = (ids: string[]) => current && setRecentPipelineIds(ids);
    // Recent files are a convenience: when the backend cannot keep them, the editor carries on without.
    api.listRecentPipelines().then(apply, () => undefined);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      const id = state.openPipeline?.id;
      if (id && id !== previous.openPipeline?.id) api.addRecentPipeline(id).then(apply, () => undefined);
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);
}
