import { useAppStore } from '../store/app-store';
import { selectOpenPipelineId, selectPipelines } from '../store/selectors';
import { useOpenPipeline } from '../hooks/useOpenPipeline';
import './pipelines.css';

/** The sidebar: every pipeline in the folder; clicking one opens it. */
export function PipelineList() {
  const pipelines = useAppStore(selectPipelines);
  const openId = useAppStore(selectOpenPipelineId);
  const open = useOpenPipeline();
  return (
    <nav className="pw-sidebar" aria-label="Pipelines">
      <h2 className="pw-sidebar__title">Pipelines</h2>
      {pipelines === null && <p className="pw-sidebar__hint">Loading…</p>}
      {pipelines?.length === 0 && <p className="pw-sidebar__hint">No *.pipeline.json files in this folder yet.</p>}
      <ul className="pw-pipeline-list">
        {pipelines?.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={`pw-pipeline-item${p.id === openId ? ' pw-pipeline-item--open' : ''}`}
              data-testid={`pipeline-list-item-${p.id}`}
              aria-current={p.id === openId ? 'page' : undefined}
              title={p.description}
              onClick={() => void open(p.id)}
            >
              <span className="pw-pipeline-item__name">{p.name}</span>
              <span className="pw-pipeline-item__meta">
                {p.id} · {p.nodeCount} {p.nodeCount === 1 ? 'node' : 'nodes'}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
