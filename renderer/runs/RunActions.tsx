import type { PartialRun } from '../../node-library/contract';
import { useCancelRun } from '../hooks/useCancelRun';
import { useAppStore } from '../store/app-store';
import { selectCanCancel, selectCanRun } from '../store/selectors';
import { usePartialRun, useResumeRun } from './useRunActions';

const partialActions: { mode: PartialRun['mode']; label: string; title: string }[] = [
  { mode: 'node', label: 'Run this node', title: 'Run only this node, on the stored outputs of its inputs' },
  { mode: 'upTo', label: 'Run up to here', title: 'Run this node and everything upstream of it' },
  { mode: 'from', label: 'Run from here', title: 'Run this node and everything downstream, on stored upstream outputs' },
];

const resumable = new Set(['failed', 'cancelled', 'interrupted']);

/** The run toolbar of the bottom panel: partial runs around the selected node, Resume, Cancel. */
export function RunActions({ nodeId }: { nodeId: string | undefined }) {
  const canRun = useAppStore(selectCanRun);
  const canCancel = useAppStore(selectCanCancel);
  const runId = useAppStore((s) => s.runId);
  const canResume = useAppStore((s) => s.runId !== null && resumable.has(s.runStatus));
  const runPart = usePartialRun();
  const resume = useResumeRun();
  const cancel = useCancelRun();
  return (
    <div className="pw-run-actions" role="toolbar" aria-label="Run actions">
      {nodeId &&
        partialActions.map((a) => (
          <button key={a.mode} type="button" className="pw-button pw-button--small" data-testid={`run-${a.mode}`} title={a.title} disabled={!canRun} onClick={() => void runPart(a.mode, nodeId)}>
            {a.label}
          </button>
        ))}
      {canResume && runId && (
        <button type="button" className="pw-button pw-button--small pw-button--primary" data-testid="resume-run" title="Run again what failed or did not run; reuse what succeeded" disabled={!canRun} onClick={() => void resume(runId)}>
          ↻ Resume
        </button>
      )}
      {canCancel && (
        <button type="button" className="pw-button pw-button--small" data-testid="panel-cancel-run" onClick={() => void cancel()}>
          Cancel
        </button>
      )}
    </div>
  );
}
