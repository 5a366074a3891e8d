import type { LogLevel, NodeState, RunEvent, RunState } from '../../node-library/contract';
import type { SliceCreator } from './app-state';
import { reduceRunEvents } from './reduce-run-event';

/** `idle` before any run of the open pipeline, `starting` while startRun is in flight. */
export type RunStatus = 'idle' | 'starting' | RunState;

export interface LogLine {
  at: number;
  level: LogLevel;
  message: string;
}

/** Why a node is in its state: the error of a failed node, the reason for a skip. */
export interface NodeDetail {
  error?: { code: string; message: string; stack?: string };
  reason?: string;
  attempt?: number;
  durationMs?: number;
  cached?: boolean;
  /** The run whose output this node reused (resume, partial run). */
  reused?: string;
}

/** The last preview of a node's output port: its columns feed the inspector's suggestions. */
export interface PortPreview {
  columns: { name: string; type: string }[];
  totalRows: number;
  /** The first rows of a table output, as the run sent them. */
  rows?: unknown[][];
  /** A json or text output's (possibly cut) text. */
  value?: { text: string; bytes: number; truncated: boolean };
}

/** Previews by node id and port id; kept across runs of the open pipeline. */
export type Previews = Record<string, Record<string, PortPreview>>;

export interface RunFields {
  runId: string | null;
  runStatus: RunStatus;
  runError: string | null;
  nodeStates: Record<string, NodeState>;
  nodeDetails: Record<string, NodeDetail>;
  logs: Record<string, LogLine[]>;
}

export interface RunSlice extends RunFields {
  previews: Previews;
  runStarting(): void;
  /** startRun answered. The run:start event may already have arrived (same id: no change). */
  runStarted(runId: string): void;
  runStartFailed(): void;
  /** Queues a run event; queued events are applied together about a frame later. */
  applyRunEvent(event: RunEvent): void;
  /** Applies the queued run events now. */
  flushRunEvents(): void;
}

export const initialRun: RunFields = {
  runId: null,
  runStatus: 'idle',
  runError: null,
  nodeStates: {},
  nodeDetails: {},
  logs: {},
};

/** How long run events wait to be applied together: about a frame, or longer when applying them is slow (see below). */
const batchMs = 16;
/** Applying a batch may take at most this share of the main thread. */
const busyShare = 0.2;
const maxWaitMs = 200;

export const createRunSlice: SliceCreator<RunSlice> = (set) => {
  // One `set` per event made a 10,000-node run copy its state maps and redraw the canvas 30,000
  // times (the page froze for minutes). Events wait about a frame and are applied together, in order.
  let pending: RunEvent[] = [];
  // Applying a batch copies the run's maps: on a 10,000-node run about 20 ms each time. The wait
  // before the next batch grows with that cost (up to maxWaitMs), so a big run leaves the page most
  // of its time for clicks. Only timed batches count: a flush on demand (a run starting) resets it.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCostMs = 0;
  const apply = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return 0;
    const batch = pending;
    pending = [];
    const started = performance.now();
    set((s) => reduceRunEvents(s, batch, s.openPipeline?.id ?? null));
    return performance.now() - started;
  };
  const flushRunEvents = () => {
    apply();
    lastCostMs = 0;
  };
  const applyTimed = () => {
    lastCostMs = apply();
  };
  return {
    ...initialRun,
    previews: {},
    runStarting: () => {
      flushRunEvents();
      set({ ...initialRun, runStatus: 'starting' });
    },
    runStarted: (runId) => {
      flushRunEvents();
      set((s) => (s.runId === runId ? {} : { runId, runStatus: 'running' }));
    },
    runStartFailed: () => set({ runStatus: 'idle' }),
    applyRunEvent: (event) => {
      pending.push(event);
      timer ??= setTimeout(applyTimed, Math.min(maxWaitMs, Math.max(batchMs, lastCostMs / busyShare)));
    },
    flushRunEvents,
  };
};
