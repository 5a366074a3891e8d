import type { RunDetail, RunEvent } from '../../node-library/contract';
import { reduceRunEvent } from '../store/reduce-run-event';
import { initialRun, type LogLine } from '../store/run-slice';
import type { PastRun } from '../store/runs-view-slice';

/**
 * A stored run as the run view saw it live: the same reducer over the stored
 * events. Log lines are gathered apart, appended in place, so a run with
 * many thousands of lines replays in linear time.
 */
export function replayRun(detail: RunDetail, events: readonly RunEvent[]): PastRun {
  let view: Omit<PastRun, 'detail' | 'events'> = { ...initialRun, previews: {} };
  const logs: Record<string, LogLine[]> = {};
  for (const event of events) {
    if (event.type === 'node:log') {
      (logs[event.nodeId] ??= []).push({ at: event.at, level: event.level, message: event.message });
      continue;
    }
    const change = reduceRunEvent(view, event, detail.run.pipelineId);
    if (change) view = { ...view, ...change };
  }
  // An interrupted run has no run:finish of its own; the summary knows its end.
  return { ...view, logs, runId: detail.run.runId, runStatus: detail.run.state, runError: detail.run.error?.message ?? view.runError, detail, events: [...events] };
}
