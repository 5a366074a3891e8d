import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import { Timeline } from '../timeline/Timeline';
import { CompareRuns } from './CompareRuns';
import { formatDuration } from './compare-runs';
import { RunSnapshotCanvas } from './RunSnapshotCanvas';
import { StateBadge } from './StateBadge';
import { useResumeRun } from './useRunActions';

type View = 'canvas' | 'timeline' | 'compare';
const views: { id: View; label: string }[] = [
  { id: 'canvas', label: 'Canvas' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'compare', label: 'Compare' },
];

/** The run opened in the Runs view: what it ran with, and its canvas, timeline or a comparison. */
export function PastRunView() {
  const past = useAppStore((s) => s.pastRun!);
  const openPipelineId = useAppStore((s) => s.openPipeline?.id ?? null);
  const [view, setView] = useState<View>('canvas');
  const resume = useResumeRun();
  const { run, pipeline } = past.detail;
  const failed = Object.entries(past.nodeStates).filter(([, state]) => state === 'failed').map(([id]) => id);
  const canResume = run.pipelineId === openPipelineId && ['failed', 'cancelled', 'interrupted'].includes(run.state);
  const nodeIds = useAppStore(useShallow((s) => Object.keys(s.pastRun?.nodeStates ?? {})));
  return (
    <div className="pw-past-run" data-testid="past-run" data-run-id={run.runId}>
      <header className="pw-past-run__header">
        <StateBadge state={run.state} testId="past-run-state" />
        <strong className="pw-past-run__name">{pipeline.name}</strong>
        <code className="pw-logs__id">{run.runId}</code>
        {canResume && (
          <button
            type="button"
            className="pw-button pw-button--small pw-button--primary pw-past-run__resume"
            data-testid="past-run-resume"
            onClick={() => {
              useAppStore.getState().setRunsViewOpen(false);
              void resume(run.runId);
            }}
          >
            ↻ Resume
          </button>
        )}
      </header>
      <div className="pw-past-run__facts">
        <span>
          {run.trigger} · {new Date(run.startedAt).toLocaleString()} · took {formatDuration(run.finishedAt === undefined ? undefined : run.finishedAt - run.startedAt)} · {nodeIds.length} nodes
          {run.resumedFrom && ` · resumed from ${run.resumedFrom}`}
        </span>
        <span data-testid="past-run-params">
          Parameters:{' '}
          {Object.keys(run.params).length === 0
            ? 'none'
            : Object.entries(run.params)
                .map(([k, v]) => `${k} = ${JSON.stringify(v)}`)
                .join(', ')}
        </span>
        {failed.length > 0 && (
          <span className="pw-past-run__failed" data-testid="past-run-failed">
            Failed: {failed.join(', ')}
          </span>
        )}
      </div>
      {run.error && (
        <p className="pw-past-run__error" title={run.error.message}>
          {run.error.message}
        </p>
      )}
      <nav className="pw-run-panel__tabs" role="tablist">
        {views.map((v) => (
          <button key={v.id} type="button" role="tab" aria-selected={view === v.id} className="pw-run-panel__tab" data-testid={`past-run-tab-${v.id}`} onClick={() => setView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      <div className="pw-past-run__body">
        {view === 'canvas' && <RunSnapshotCanvas past={past} />}
        {view === 'timeline' && <Timeline detail={past.detail} events={past.events} />}
        {view === 'compare' && <CompareRuns base={past.detail} />}
      </div>
    </div>
  );
}
