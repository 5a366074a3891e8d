import { useAppStore } from '../store/app-store';
import { selectCanCancel, selectCanRun, selectRunStatus } from '../store/selectors';
import { useCancelRun } from '../hooks/useCancelRun';
import { useRunPipeline } from '../hooks/useRunPipeline';
import { StateBadge } from './StateBadge';

/** The toolbar's run controls: Run, Cancel while running, and the run state. */
export function RunButton() {
  const canRun = useAppStore(selectCanRun);
  const canCancel = useAppStore(selectCanCancel);
  const status = useAppStore(selectRunStatus);
  const run = useRunPipeline();
  const cancel = useCancelRun();
  const busy = status === 'starting' || status === 'running';
  return (
    <div className="pw-run-controls">
      <span className="pw-run-controls__label">Run</span>
      <StateBadge state={status} testId="run-state" />
      {canCancel && (
        <button type="button" className="pw-button" data-testid="cancel-run" onClick={() => void cancel()}>
          Cancel
        </button>
      )}
      <button type="button" className="pw-button pw-button--primary" data-testid="run-pipeline" disabled={!canRun} onClick={() => void run()}>
        {busy ? 'Running…' : '▶ Run'}
      </button>
    </div>
  );
}
