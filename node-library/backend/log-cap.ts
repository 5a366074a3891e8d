import type { RunEvent } from '../contract';

/** Log lines kept per node in one run (its mapped items together); the rest are counted, not stored or sent. */
export const defaultLogCap = 100_000;

/**
 * Wraps a run's event sink so a node that logs without end (a million lines,
 * a loop printing every row) cannot fill the history or the app's memory.
 * Past the cap a node's lines are dropped; one marker line says so when it
 * starts, and another gives the count when the node ends.
 */
export function capLogs(emit: (event: RunEvent) => void, cap = defaultLogCap): (event: RunEvent) => void {
  const lines = new Map<string, number>();
  return (event) => {
    if (event.type === 'node:log') {
      const count = (lines.get(event.nodeId) ?? 0) + 1;
      lines.set(event.nodeId, count);
      if (count <= cap) return emit(event);
      if (count === cap + 1) emit({ ...event, level: 'warn', message: `[log cap] ${cap.toLocaleString('en')} lines logged; further lines of this node are counted, not kept` });
      return;
    }
    if (event.type === 'node:state' && event.item === undefined && (event.state === 'succeeded' || event.state === 'failed' || event.state === 'cancelled')) {
      const count = lines.get(event.nodeId) ?? 0;
      if (count > cap) {
        emit({ type: 'node:log', runId: event.runId, at: event.at, nodeId: event.nodeId, level: 'warn', message: `[log cap] ${(count - cap).toLocaleString('en')} more lines were not kept (${count.toLocaleString('en')} in all)` });
      }
      lines.delete(event.nodeId);
    }
    emit(event);
  };
}
