import type { RunEvent, RunEventOf } from '../../node-library/contract';
import type { Previews, RunFields } from './run-slice';

/**
 * How one run event changes the run view, or null when it is about another
 * run. A run:start of the open pipeline takes over the view, whoever started it.
 */
export function reduceRunEvent(
  state: RunFields & { previews: Previews },
  event: RunEvent,
  openPipelineId: string | null,
): Partial<RunFields & { previews: Previews }> | null {
  if (event.type === 'run:start') {
    if (event.pipelineId !== openPipelineId) return null;
    return {
      runId: event.runId,
      runStatus: 'running',
      runError: null,
      nodeStates: Object.fromEntries(event.nodeIds.map((id) => [id, 'pending' as const])),
      nodeDetails: {},
      logs: {},
    };
  }
  if (event.runId !== state.runId) return null;
  switch (event.type) {
    case 'node:state': {
      const { nodeId, state: nodeState, error, reason, attempt, durationMs, cached, reused } = event;
      if (event.item !== undefined) return null; // one mapped item; the node as a whole reports too
      return {
        nodeStates: { ...state.nodeStates, [nodeId]: nodeState },
        nodeDetails: { ...state.nodeDetails, [nodeId]: { error, reason, attempt, durationMs, cached, reused } },
      };
    }
    case 'node:log': {
      const line = { at: event.at, level: event.level, message: event.message };
      return { logs: { ...state.logs, [event.nodeId]: [...(state.logs[event.nodeId] ?? []), line] } };
    }
    case 'node:preview': {
      const preview = { columns: event.columns, totalRows: event.totalRows, rows: event.rows, value: event.value };
      return { previews: { ...state.previews, [event.nodeId]: { ...state.previews[event.nodeId], [event.port]: preview } } };
    }
    case 'node:items':
      return null; // mapped items; the node as a whole reports its state too
    case 'run:finish':
      return { runStatus: event.state, runError: event.error?.message ?? null };
  }
}

/**
 * Appends a batch of log lines to the run view in one step: one copy of each
 * node's log per batch, not per line. Lines of another run are dropped.
 */
export function appendLogs(state: RunFields, events: readonly RunEventOf<'node:log'>[]): Partial<RunFields> {
  const added = new Map<string, RunFields['logs'][string]>();
  for (const e of events) {
    if (e.runId !== state.runId) continue;
    let lines = added.get(e.nodeId);
    if (!lines) added.set(e.nodeId, (lines = []));
    lines.push({ at: e.at, level: e.level, message: e.message });
  }
  if (added.size === 0) return {};
  const logs = { ...state.logs };
  for (const [nodeId, lines] of added) logs[nodeId] = [...(logs[nodeId] ?? []), ...lines];
  return { logs };
}
