import type { RunEvent } from '../../node-library/contract';
import type { LogLine, Previews, RunFields } from './run-slice';

export type RunView = RunFields & { previews: Previews };

/**
 * How a batch of run events changes the run view; only the fields that
 * changed are returned. Each map (states, details, logs, a node's log,
 * previews) is copied at most once per batch and then written in place, so
 * a batch costs its events plus one copy per map: 30,000 events of a
 * 10,000-node run used to copy the 10,000-entry state map once each.
 * A run:start of the open pipeline takes over the view, whoever started it;
 * events of any other run are ignored.
 */
export function reduceRunEvents(state: RunView, events: readonly RunEvent[], openPipelineId: string | null): Partial<RunView> {
  const change: Partial<RunView> = {};
  let runId = state.runId;
  let nodeStates: RunView['nodeStates'] | undefined;
  let nodeDetails: RunView['nodeDetails'] | undefined;
  let logs: RunView['logs'] | undefined;
  let previews: RunView['previews'] | undefined;
  // The node logs already copied in this batch, safe to push to.
  const ownLogs = new Set<string>();
  for (const event of events) {
    if (event.type === 'run:start') {
      if (event.pipelineId !== openPipelineId) continue;
      runId = event.runId;
      Object.assign(change, { runId, runStatus: 'running', runError: null });
      nodeStates = Object.fromEntries(event.nodeIds.map((id) => [id, 'pending' as const]));
      nodeDetails = {};
      logs = {};
      ownLogs.clear();
      continue;
    }
    if (event.runId !== runId) continue;
    switch (event.type) {
      case 'node:state': {
        if (event.item !== undefined) break; // one mapped item; the node as a whole reports too
        const { nodeId, error, reason, attempt, durationMs, cached, reused } = event;
        (nodeStates ??= { ...state.nodeStates })[nodeId] = event.state;
        (nodeDetails ??= { ...state.nodeDetails })[nodeId] = { error, reason, attempt, durationMs, cached, reused };
        break;
      }
      case 'node:log': {
        logs ??= { ...state.logs };
        const line: LogLine = { at: event.at, level: event.level, message: event.message };
        if (!ownLogs.has(event.nodeId)) {
          logs[event.nodeId] = [...(logs[event.nodeId] ?? [])];
          ownLogs.add(event.nodeId);
        }
        logs[event.nodeId].push(line);
        break;
      }
      case 'node:preview': {
        previews ??= { ...state.previews };
        const preview = { columns: event.columns, totalRows: event.totalRows, rows: event.rows, value: event.value };
        previews[event.nodeId] = { ...previews[event.nodeId], [event.port]: preview };
        break;
      }
      case 'node:items':
        break; // mapped items; the node as a whole reports its state too
      case 'run:finish':
        Object.assign(change, { runStatus: event.state, runError: event.error?.message ?? null });
        break;
    }
  }
  if (nodeStates) change.nodeStates = nodeStates;
  if (nodeDetails) change.nodeDetails = nodeDetails;
  if (logs) change.logs = logs;
  if (previews) change.previews = previews;
  return change;
}
