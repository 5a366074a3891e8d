import { useEffect } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';

const delayMs = 250;

/**
 * Validates the open pipeline as it is edited (debounced) through the API;
 * the answer lands in the store only if the pipeline has not changed since.
 */
export function useLiveValidation(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const { openPipeline } = useAppStore.getState();
      if (!openPipeline) return;
      api.validatePipeline(openPipeline).then(
        (problems) => useAppStore.getState().setProblems(openPipeline, problems),
        () => undefined, // a failed check is retried on the next edit; the banner is for commands
      );
    };
    check();
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.openPipeline === previous.openPipeline) return;
      clearTimeout(timer);
      timer = setTimeout(check, delayMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, []);
}
