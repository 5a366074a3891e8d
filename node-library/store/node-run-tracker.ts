import type { ErrorInfo, RunEvent, RunEventOf } from '../contract';

/** A node_runs row of one run, ready to insert. */
export interface NodeRunRow {
  nodeId: string;
  item: number | null;
  attempt: number;
  state: string;
  startedAt: number;
  finishedAt: number;
  rowsOut: number | null;
  cached: 0 | 1;
  error: string | null;
}

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
 * Turns one run's `node:state` and `node:preview` events into one node_runs
 * row per attempt. Attempts in flight and their previews stay in memory until
 * their closing state arrives. Nothing here touches the database, so a failed
 * write can be retried without replaying events.
 */
export class NodeRunTracker {
  /** The attempt running, by node (and item). */
  private readonly open = new Map<string, OpenAttempt>();
  /** The last attempt number seen, by node (and item), for engines that leave `attempt` out. */
  private readonly lastAttempt = new Map<string, number>();
  /** Total rows per output port of the node's running attempt, by node. */
  private readonly previews = new Map<string, Map<string, number>>();

  /** The row this event completes, if any. */
  onEvent(event: RunEvent): NodeRunRow | undefined {
    if (event.type === 'node:preview') {
      let ports = this.previews.get(event.nodeId);
      if (!ports) this.previews.set(event.nodeId, (ports = new Map()));
      ports.set(event.port, event.totalRows);
      return undefined;
    }
    return event.type === 'node:state' ? this.onState(event) : undefined;
  }

  /** The run ended: attempts it left open (an engine that stopped without closing them, a process that died) become cancelled rows. */
  close(at: number, error?: ErrorInfo): NodeRunRow[] {
    const json = error ? JSON.stringify(error) : null;
    const rows = [...this.open.values()].map((open) => this.row(open.nodeId, open.item, open.attempt, 'cancelled', open.startedAt, at, false, json));
    this.open.clear();
    return rows;
  }

  private onState(event: RunEventOf<'node:state'>): NodeRunRow | undefined {
    const { nodeId, item, state } = event;
    // Most nodes are not mapped: their key is their id, with no string to build.
    const key = item === undefined ? nodeId : `${nodeId}\0${item}`;
    if (state === 'running') {
      const attempt = event.attempt ?? (this.lastAttempt.get(key) ?? 0) + 1;
      this.lastAttempt.set(key, attempt);
      this.open.set(key, { nodeId, item, attempt, startedAt: event.at });
      // Previews belong to the attempt that produces them.
      if (item === undefined) this.previews.delete(nodeId);
      return undefined;
    }
    const open = this.open.get(key);
    const error = event.error ? JSON.stringify(event.error) : null;
    if (open && endsAttempt.has(state)) {
      this.open.delete(key);
      return this.row(nodeId, item, open.attempt, state, open.startedAt, event.at, false, error);
    }
    if (!open && endsWithoutRunning.has(state)) return this.row(nodeId, item, 0, state, event.at, event.at, !!event.cached || !!event.reused, error);
    return undefined;
  }

  private row(nodeId: string, item: number | undefined, attempt: number, state: string, startedAt: number, finishedAt: number, cached: boolean, error: string | null): NodeRunRow {
    let rowsOut: number | null = null;
    // Previews describe the node as a whole, not one mapped item; a node's rows out is the sum over its ports.
    const ports = item === undefined ? this.previews.get(nodeId) : undefined;
    if (ports) {
      rowsOut = 0;
      for (const total of ports.values()) rowsOut += total;
      this.previews.delete(nodeId);
    }
    return { nodeId, item: item ?? null, attempt, state, startedAt, finishedAt, rowsOut, cached: cached ? 1 : 0, error };
  }
}
