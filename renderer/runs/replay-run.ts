import type { RunDetail, RunEvent } from '../../node-library/contract';
import { reduceRunEvents } from '../store/reduce-run-event';
import { initialRun } from '../store/run-slice';
import type { PastRun } from '../store/runs-view-slice';

/** A stored run as the run view saw it live: the same reducer over the stored events, as one batch. */
export function replayRun(detail: RunDetail, events: readonly RunEvent[]): PastRun {
  const start = { ...initialRun, previews: {} };
  const view = { ...start, ...reduceRunEvents(start, events, detail.run.pipelineId) };
  // An interrupted run has no run:finish of its own; the summary knows its end.
  return { ...view, runId: detail.run.runId, runStatus: detail.run.state, runError: detail.run.error?.message ?? view.runError, detail, events: [...events] };
}
