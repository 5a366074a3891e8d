import { useMemo, useState } from 'react';
import type { ScheduleSummary } from '../../node-library/contract';
import { useDeletePipeline } from '../hooks/useDeletePipeline';
import { useDuplicatePipeline } from '../hooks/useDuplicatePipeline';
import { useNewPipeline } from '../hooks/useNewPipeline';
import { useOpenPipeline } from '../hooks/useOpenPipeline';
import { useRenamePipeline } from '../hooks/useRenamePipeline';
import { useSavePipelineAs } from '../hooks/useSavePipelineAs';
import { useSchedules } from '../hooks/useScheduleFires';
import { useAppStore } from '../store/app-store';
import { selectDirty, selectOpenPipelineId, selectPipelines, selectRecentPipelines } from '../store/selectors';
import { PipelineRow, type PipelineActions } from './PipelineRow';
import './pipelines.css';

type Tab = 'all' | 'recent';

/** The sidebar's pipelines: every one in the folder, or the recently opened; click to open, New to make one. */
export function PipelineList() {
  const [tab, setTab] = useState<Tab>('all');
  const pipelines = useAppStore(selectPipelines);
  const recent = useAppStore(selectRecentPipelines);
  const openId = useAppStore(selectOpenPipelineId);
  const dirty = useAppStore(selectDirty);
  const open = useOpenPipeline();
  const create = useNewPipeline();
  const remove = useDeletePipeline();
  const rename = useRenamePipeline();
  const duplicate = useDuplicatePipeline();
  const saveAs = useSavePipelineAs();
  const actions = useMemo(
    (): PipelineActions => ({
      open: (id) => void open(id),
      rename: (id) => void rename(id),
      duplicate: (id) => void duplicate(id),
      saveAs: () => void saveAs(),
      remove: (id) => void remove(id),
    }),
    [open, rename, duplicate, saveAs, remove],
  );
  const shown = tab === 'all' ? pipelines : recent;
  const schedules = new Map(useSchedules()?.map((s) => [s.pipelineId, s]));
  return (
    <nav className="pw-pipelines" aria-label="Pipelines">
      <header className="pw-sidebar__header">
        <h2 className="pw-sidebar__title">Pipelines</h2>
        <div className="pw-tabs" role="tablist" aria-label="Which pipelines">
          {(['all', 'recent'] as const).map((t) => (
            <button key={t} type="button" role="tab" className="pw-tabs__tab" aria-selected={tab === t} data-testid={`pipelines-tab-${t}`} onClick={() => setTab(t)}>
              {t === 'all' ? 'All' : 'Recent'}
            </button>
          ))}
        </div>
        <button type="button" className="pw-button pw-button--small" data-testid="new-pipeline" onClick={() => void create()}>
          + New
        </button>
      </header>
      {pipelines === null && <p className="pw-sidebar__hint">Loading…</p>}
      {tab === 'all' && pipelines?.length === 0 && <p className="pw-sidebar__hint">No *.pipeline.json files in this folder yet.</p>}
      {tab === 'recent' && pipelines && recent.length === 0 && <p className="pw-sidebar__hint">Pipelines you open appear here.</p>}
      <ul className="pw-pipeline-list" data-testid={`pipelines-${tab}`}>
        {shown?.map((p) => (
          <PipelineRow
            key={p.id}
            pipeline={p}
            isOpen={p.id === openId}
            dirty={dirty}
            actions={actions}
            testId={tab === 'all' ? `pipeline-list-item-${p.id}` : `recent-pipeline-${p.id}`}
            extra={<ScheduleLine summary={schedules.get(p.id)} pipelineId={p.id} />}
          />
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
