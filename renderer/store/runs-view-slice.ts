import type { RunDetail, RunEvent } from '../../node-library/contract';
import type { SliceCreator } from './app-state';
import type { Previews, RunFields } from './run-slice';

export type BottomTab = 'preview' | 'logs' | 'error' | 'attempts';

/** A run opened from the Runs view: the pipeline as it ran, and its run view replayed from the stored events. */
export interface PastRun extends RunFields {
  detail: RunDetail;
  events: RunEvent[];
  previews: Previews;
}

export interface RunsViewSlice {
  /** The main area shows the Runs view instead of the canvas. */
  runsViewOpen: boolean;
  bottomTab: BottomTab;
  pastRun: PastRun | null;
  /** The node selected on the past run's (read-only) canvas. */
  pastRunNodeId: string | null;
  setRunsViewOpen(open: boolean): void;
  setBottomTab(tab: BottomTab): void;
  showPastRun(run: PastRun | null): void;
  selectPastRunNode(nodeId: string | null): void;
}

export const createRunsViewSlice: SliceCreator<RunsViewSlice> = (set) => ({
  runsViewOpen: false,
  bottomTab: 'preview',
  pastRun: null,
  pastRunNodeId: null,
  setRunsViewOpen: (runsViewOpen) => set({ runsViewOpen }),
  setBottomTab: (bottomTab) => set({ bottomTab }),
  showPastRun: (pastRun) => set((s) => ({ pastRun, pastRunNodeId: pastRun?.detail.run.runId === s.pastRun?.detail.run.runId ? s.pastRunNodeId : null })),
  selectPastRunNode: (pastRunNodeId) => set({ pastRunNodeId }),
});
