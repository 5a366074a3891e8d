import type { LogLevel, NodeState, RunEvent, RunEventOf, RunState } from '../../node-library/contract';
import type { SliceCreator } from './app-state';
import { appendLogs, reduceRunEvent } from './reduce-run-event';

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
  applyRunEvent(event: RunEvent): void;
}

export const initialRun: RunFields = {
  runId: null,
  runStatus: 'idle',
  runError: null,
  nodeStates: {},
  nodeDetails: {},
  logs: {},
};

/** How long log lines wait to be appended together. */
const logBatchMs = 30;

export const createRunSlice: SliceCreator<RunSlice> = (set) => {
  // A log line per `set` would copy the node's whole log per line (quadratic: 30,000 lines took
  // seconds). Lines wait a few ms and go in together; any other event flushes them first, keeping order.
  let pendingLogs: RunEventOf<'node:log'>[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushLogs = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pendingLogs.length === 0) return;
    const batch = pendingLogs;
    pendingLogs = [];
    set((s) => appendLogs(s, batch));
  };
  return {
    ...initialRun,
    previews: {},
    runStarting: () => set({ ...initialRun, runStatus: 'starting' }),
    runStarted: (runId) => set((s) => (s.runId === runId ? {} : { runId, runStatus: 'running' })),
    runStartFailed: () => set({ runStatus: 'idle' }),
    applyRunEvent: (event) => {
      if (event.type === 'node:log') {
        pendingLogs.push(event);
        timer ??= setTimeout(flushLogs, logBatchMs);
        return;
      }
      flushLogs();
      set((s) => reduceRunEvent(s, event, s.openPipeline?.id ?? null) ?? {});
    },
  };
};
