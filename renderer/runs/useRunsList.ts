import { useCallback, useEffect, useState } from 'react';
import type { RunFilter, RunSummary } from '../../node-library/contract';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';
import type { PastRun } from '../store/runs-view-slice';
import { replayRun } from './replay-run';

/** The run history matching the filter, newest first; fetched again when the live run changes state. */
export function useRunsList(filter: RunFilter): { runs: RunSummary[] | null; reload(): void } {
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [tick, setTick] = useState(0);
  const liveStatus = useAppStore((s) => `${s.runId}:${s.runStatus}`);
  const { pipelineId, state, trigger } = filter;
  useEffect(() => {
    let current = true;
    api
      .listRuns({ pipelineId, state, trigger, limit: 500 })
      .then((list) => current && setRuns(list))
      .catch((error: unknown) => current && useAppStore.getState().showError(error));
    return () => {
      current = false;
    };
  }, [pipelineId, state, trigger, tick, liveStatus]);
  return { runs, reload: useCallback(() => setTick((t) => t + 1), []) };
}

/** Opens a stored run in the Runs view: the pipeline as it ran, replayed from its events. */
export function useOpenPastRun(): (runId: string) => Promise<PastRun | null> {
  return useCallback(async (runId) => {
    const { showPastRun, showError } = useAppStore.getState();
    try {
      const [detail, events] = await Promise.all([api.getRun(runId), api.getRunEvents(runId)]);
      const past = replayRun(detail, events);
      showPastRun(past);
      return past;
    } catch (error) {
      showError(error);
      return null;
    }
  }, []);
}
