import type { ReactNode } from 'react';
import { useAppStore } from '../store/app-store';
import { RunsView } from './RunsView';

/** The main area: the canvas (children), or the Runs view in its place; a button switches. */
export function WithRunsView({ children }: { children: ReactNode }) {
  const open = useAppStore((s) => s.runsViewOpen);
  if (open) return <RunsView />;
  return (
    <>
      {children}
      <button type="button" className="pw-button pw-button--small pw-runs-toggle" data-testid="runs-view-open" title="Every run of every pipeline" onClick={() => useAppStore.getState().setRunsViewOpen(true)}>
        ☰ Runs
      </button>
    </>
  );
}
