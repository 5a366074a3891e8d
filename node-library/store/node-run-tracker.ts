import type { ErrorInfo, NodeRunRecord, RunEvent, RunEventOf } from '../contract';

/** Errors as events carry them; the same shape as ErrorInfo with a looser code. */
type EventError = RunEventOf<'node:state'>['error'];

interface OpenAttempt {
  nodeId: string;
  item: number | undefined;
  attempt: number;
  startedAt: number;
}

/** States that end an attempt that was running. */
const endsAttempt = new Set(['retrying', 'succeeded', 'failed', 'cancelled']);
/** States a node reaches without running in this run: cached, reused, skipped, cancelled or failed before it started. */
const endsWithoutRunning = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);

/**
 * A run's node runs (one per attempt, in the order they started), derived
 * from its events: the events are the history, and deriving on read keeps a
 * write per attempt off the run. Attempts still open when the run finished
 * (an engine that stopped without closing them, a process that died) are cancelled.
 */
export function nodeRunsFromEvents(runId: string, events: Iterable<RunEvent>): NodeRunRecord[] {
  const tracker = new NodeRunTracker(runId);
  for (const event of events) tracker.onEvent(event);
  // Stable: attempts that started at the same millisecond stay in the order they ended.
  return tracker.records.sort((a, b) => a.startedAt - b.startedAt);
}

class NodeRunTracker {
  readonly records: NodeRunRecord[] = [];
  /** The attempt running, by node (and item). */
  private readonly open = new Map<string, OpenAttempt>();
  /** The last attempt number seen, by node (and item), for engines that leave `attempt` out. */
  private readonly lastAttempt = new Map<string, number>();
  /** Total rows per output port of the node's running attempt, by node. */
  private readonly previews = new Map<string, Map<string, number>>();

  constructor(private readonly runId: string) {}

  onEvent(event: RunEvent): void {
    if (event.type === 'node:state') this.onState(event);
    else if (event.type === 'node:items') {
      for (const a of event.attempts) this.add(event.nodeId, a.item, a.attempt, a.state, a.startedAt, a.finishedAt, false, a.error);
    }
    else if (event.type === 'node:preview') {
      let ports = this.previews.get(event.nodeId);
      if (!ports) this.previews.set(event.nodeId, (ports = new Map()));
      ports.set(event.port, event.totalRows);
    } else if (event.type === 'run:finish') {
      // Only an interrupted run's error belongs to the attempts it cut off.
      this.close(event.at, event.state === 'interrupted' ? event.error : undefined);
    }
  }

  private close(at: number, error: EventError): void {
    for (const open of this.open.values()) this.add(open.nodeId, open.item, open.attempt, 'cancelled', open.startedAt, at, false, error);
    this.open.clear();
  }

  private onState(event: RunEventOf<'node:state'>): void {
    const { nodeId, item, state } = event;
    // Most nodes are not mapped: their key is their id, with no string to build.
    const key = item === undefined ? nodeId : `${nodeId}\0${item}`;
    if (state === 'running') {
      const attempt = event.attempt ?? (this.lastAttempt.get(key) ?? 0) + 1;
      this.lastAttempt.set(key, attempt);
      this.open.set(key, { nodeId, item, attempt, startedAt: event.at });
      // Previews belong to the attempt that produces them.
      if (item === undefined) this.previews.delete(nodeId);
      return;
    }
    const open = this.open.get(key);
    if (open && endsAttempt.has(state)) {
      this.open.delete(key);
      this.add(nodeId, item, open.attempt, state, open.startedAt, event.at, false, event.error);
    } else if (!open && endsWithoutRunning.has(state)) {
      this.add(nodeId, item, 0, state, event.at, event.at, !!event.cached || !!event.reused, event.error);
    }
  }

  private add(nodeId: string, item: number | undefined, attempt: number, state: string, startedAt: number, finishedAt: number, cached: boolean, error: EventError): void {
    const record: NodeRunRecord = { runId: this.runId, nodeId, attempt, state: state as NodeRunRecord['state'], startedAt, finishedAt, cached };
    if (item !== undefined) record.item = item;
    // Previews describe the node as a whole, not one mapped item; a node's rows out is the sum over its ports.
    const ports = item === undefined ? this.previews.get(nodeId) : undefined;
    if (ports) {
      let rowsOut = 0;
      for (const total of ports.values()) rowsOut += total;
      record.rowsOut = rowsOut;
      this.previews.delete(nodeId);
    }
    if (error) record.error = error as ErrorInfo;
    this.records.push(record);
  }
}
