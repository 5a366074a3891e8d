import type { ScheduleSummary } from '../../node-library/contract';
import { useDeletePipeline } from '../hooks/useDeletePipeline';
import { useNewPipeline } from '../hooks/useNewPipeline';
import { useOpenPipeline } from '../hooks/useOpenPipeline';
import { useSchedules } from '../hooks/useScheduleFires';
import { useAppStore } from '../store/app-store';
import { selectDirty, selectOpenPipelineId, selectPipelines } from '../store/selectors';
import './pipelines.css';

/** The sidebar's pipeline list: every pipeline in the folder; click to open, New to make one. */
export function PipelineList() {
  const pipelines = useAppStore(selectPipelines);
  const openId = useAppStore(selectOpenPipelineId);
  const dirty = useAppStore(selectDirty);
  const open = useOpenPipeline();
  const create = useNewPipeline();
  const remove = useDeletePipeline();
  const schedules = new Map(useSchedules()?.map((s) => [s.pipelineId, s]));
  return (
    <nav className="pw-pipelines" aria-label="Pipelines">
      <header className="pw-sidebar__header">
        <h2 className="pw-sidebar__title">Pipelines</h2>
        <button type="button" className="pw-button pw-button--small" data-testid="new-pipeline" onClick={() => void create()}>
          + New
        </button>
      </header>
      {pipelines === null && <p className="pw-sidebar__hint">Loading…</p>}
      {pipelines?.length === 0 && <p className="pw-sidebar__hint">No *.pipeline.json files in this folder yet.</p>}
      <ul className="pw-pipeline-list">
        {pipelines?.map((p) => (
          <li key={p.id} className="pw-pipeline-row">
            <button
              type="button"
              className={`pw-pipeline-item${p.id === openId ? ' pw-pipeline-item--open' : ''}`}
              data-testid={`pipeline-list-item-${p.id}`}
              aria-current={p.id === openId ? 'page' : undefined}
              title={p.description}
              onClick={() => void open(p.id)}
            >
              <span className="pw-pipeline-item__name">
                {p.name}
                {p.id === openId && dirty && <span className="pw-pipeline-item__dirty" title="Unsaved changes"> ●</span>}
              </span>
              <span className="pw-pipeline-item__meta">
                {p.id} · {p.nodeCount} {p.nodeCount === 1 ? 'node' : 'nodes'}
              </span>
              <ScheduleLine summary={schedules.get(p.id)} pipelineId={p.id} />
            </button>
            <button type="button" className="pw-icon-button pw-pipeline-row__delete" data-testid={`delete-pipeline-${p.id}`} aria-label={`Delete ${p.name}`} title="Delete…" onClick={() => void remove(p.id)}>
              🗑
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ScheduleLine({ summary, pipelineId }: { summary?: ScheduleSummary; pipelineId: string }) {
  if (!summary) return null;
  const text = summary.problem
    ? `schedule broken: ${summary.problem}`
    : !summary.enabled
      ? 'schedule off'
      : summary.nextFire
        ? `scheduled, next run ${new Date(summary.nextFire.at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })}`
        : 'scheduled';
  const last = summary.lastFire ? ` · last ${summary.lastFire.outcome}` : '';
  return (
    <span className="pw-pipeline-item__schedule" data-testid={`pipeline-schedule-${pipelineId}`} data-enabled={summary.enabled} title={`${summary.cron} (${summary.timezone})`}>
      {text}
      {last}
    </span>
  );
}
