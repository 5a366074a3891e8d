import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Command } from '../commands/command';
import { useAppStore } from '../store/app-store';
import type { AppState } from '../store/app-state';
import { selectCanRun, selectPrimaryNodeId } from '../store/selectors';
import { usePartialRun, useResumeRun } from './useRunActions';

const selectRunCommandState = (s: AppState) => ({
  canRun: selectCanRun(s),
  nodeId: selectPrimaryNodeId(s),
  resumable: s.runId !== null && (s.runStatus === 'failed' || s.runStatus === 'cancelled' || s.runStatus === 'interrupted') ? s.runId : null,
  runsViewOpen: s.runsViewOpen,
});

/** The run toolbar's actions and the Runs view, as commands for the palette. */
export function useRunCommands(): Command[] {
  const on = useAppStore(useShallow(selectRunCommandState));
  const runPart = usePartialRun();
  const resume = useResumeRun();
  return useMemo((): Command[] => {
    const { nodeId, resumable } = on;
    const withNode = on.canRun && nodeId !== null;
    return [
      { id: 'run-node', title: 'Run this node', group: 'Run', enabled: withNode, run: () => nodeId && void runPart('node', nodeId) },
      { id: 'run-up-to', title: 'Run up to this node', group: 'Run', enabled: withNode, run: () => nodeId && void runPart('upTo', nodeId) },
      { id: 'run-from', title: 'Run from this node', group: 'Run', enabled: withNode, run: () => nodeId && void runPart('from', nodeId) },
      { id: 'resume-run', title: 'Resume the failed run', group: 'Run', enabled: on.canRun && resumable !== null, run: () => resumable && void resume(resumable) },
      { id: 'runs-view', title: on.runsViewOpen ? 'Back to the canvas' : 'Show all runs', group: 'Run', enabled: true, run: () => useAppStore.getState().setRunsViewOpen(!on.runsViewOpen) },
    ];
  }, [on, runPart, resume]);
}
