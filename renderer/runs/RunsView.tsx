import { useEffect, useState } from 'react';
import { runStateSchema, runTriggerSchema, type RunFilter, type RunState, type RunTrigger } from '../../node-library/contract';
import { useAppStore } from '../store/app-store';
import { PastRunView } from './PastRunView';
import { formatDuration } from './compare-runs';
import './runs-view.css';
import { StateBadge } from './StateBadge';
import { useOpenPastRun, useRunsList } from './useRunsList';

/** Every stored run of every pipeline, filterable; opening one shows it as it ran. */
export function RunsView() {
  const [filter, setFilter] = useState<RunFilter>({});
  const { runs, reload } = useRunsList(filter);
  const pipelines = useAppStore((s) => s.pipelines);
  const openedId = useAppStore((s) => s.pastRun?.detail.run.runId ?? null);
  const open = useOpenPastRun();
  // An opened run that is the live one is replayed again as it moves on (and once more when it ends).
  const liveState = useAppStore((s) => (openedId !== null && s.runId === openedId ? `${s.runStatus}:${Object.values(s.nodeStates).join()}` : null));
  useEffect(() => {
    if (openedId && liveState) void open(openedId);
  }, [openedId, liveState, open]);
  const pipelineIds = [...new Set([...(pipelines ?? []).map((p) => p.id), ...(runs ?? []).map((r) => r.pipelineId)])].sort();
  const set = (change: Partial<RunFilter>) => setFilter((f) => ({ ...f, ...change }));
  return (
    <div className="pw-runs-view" data-testid="runs-view">
      <aside className="pw-runs-view__list">
        <header className="pw-runs-view__header">
          <h2 className="pw-runs-view__title">Runs</h2>
          <button type="button" className="pw-icon-button" title="Reload" aria-label="Reload runs" data-testid="runs-reload" onClick={reload}>
            ⟳
          </button>
          <button type="button" className="pw-button pw-button--small" data-testid="runs-view-close" onClick={() => useAppStore.getState().setRunsViewOpen(false)}>
            Back to canvas
          </button>
        </header>
        <div className="pw-runs-view__filters">
          <select className="pw-input pw-input--small" aria-label="Pipeline" data-testid="runs-filter-pipeline" value={filter.pipelineId ?? ''} onChange={(e) => set({ pipelineId: e.target.value || undefined })}>
            <option value="">All pipelines</option>
            {pipelineIds.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
          <select className="pw-input pw-input--small" aria-label="State" data-testid="runs-filter-state" value={filter.state ?? ''} onChange={(e) => set({ state: (e.target.value || undefined) as RunState | undefined })}>
            <option value="">Any state</option>
            {runStateSchema.options.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <select className="pw-input pw-input--small" aria-label="Trigger" data-testid="runs-filter-trigger" value={filter.trigger ?? ''} onChange={(e) => set({ trigger: (e.target.value || undefined) as RunTrigger | undefined })}>
            <option value="">Any trigger</option>
            {runTriggerSchema.options.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </div>
        <ol className="pw-runs-view__runs" data-testid="runs-list">
          {runs?.length === 0 && <li className="pw-logs__hint">No runs match.</li>}
          {runs?.map((run) => (
            <li key={run.runId}>
              <button type="button" className="pw-run-row" aria-current={run.runId === openedId} data-testid={`run-row-${run.runId}`} data-run-state={run.state} onClick={() => void open(run.runId)}>
                <span className="pw-run-row__top">
                  <StateBadge state={run.state} />
                  <span className="pw-run-row__name">{run.pipelineName}</span>
                  <span className="pw-run-row__duration">{formatDuration(run.finishedAt === undefined ? undefined : run.finishedAt - run.startedAt)}</span>
                </span>
                <span className="pw-run-row__meta">
                  {new Date(run.startedAt).toLocaleString()} · {run.trigger}
                  {run.resumedFrom && ' · resume'}
                  {run.partial && ` · ${run.partial.mode} ${run.partial.nodeId}`}
                </span>
                {Object.keys(run.params).length > 0 && (
                  <span className="pw-run-row__params">
                    {Object.entries(run.params)
                      .map(([k, v]) => `${k}=${String(v)}`)
                      .join(' ')}
                  </span>
                )}
                {run.error && <span className="pw-run-row__error">{run.error.message}</span>}
              </button>
            </li>
          ))}
        </ol>
      </aside>
      <section className="pw-runs-view__detail">{openedId ? <PastRunView /> : <p className="pw-logs__hint pw-runs-view__empty">Choose a run on the left to see it as it ran.</p>}</section>
    </div>
  );
}
