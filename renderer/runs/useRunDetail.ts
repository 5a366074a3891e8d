import { useEffect, useState } from 'react';
import type { RunDetail, RunEvent } from '../../node-library/contract';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';

/**
 * A run's stored detail (and events), fetched again whenever `refresh`
 * changes (a node's state, the run's end); the last answer wins.
 */
export function useRunDetail(runId: string | null, refresh: unknown = null): { detail: RunDetail; events: RunEvent[] } | null {
  const [value, setValue] = useState<{ detail: RunDetail; events: RunEvent[] } | null>(null);
  useEffect(() => {
    if (!runId) return setValue(null);
    let current = true;
    Promise.all([api.getRun(runId), api.getRunEvents(runId)])
      .then(([detail, events]) => current && setValue({ detail, events }))
      .catch((error: unknown) => current && useAppStore.getState().showError(error));
    return () => {
      current = false;
    };
  }, [runId, refresh]);
  return value?.detail.run.runId === runId ? value : null;
}
