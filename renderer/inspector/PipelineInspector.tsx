import type { PipelineFile } from '../../node-library/contract';
import { useUpdatePipeline } from '../hooks/useUpdatePipeline';
import { DependenciesPanel } from './DependenciesPanel';
import { RunParamsEditor } from './RunParamsEditor';
import { SchedulePanel } from './SchedulePanel';

/** With no node selected: the pipeline's own name, description, run parameters, schedule and npm dependencies. */
export function PipelineInspector({ pipeline }: { pipeline: PipelineFile }) {
  const update = useUpdatePipeline();
  return (
    <div className="pw-inspector__body" data-testid="pipeline-inspector">
      <header className="pw-inspector__head">
        <div>
          <div className="pw-inspector__type-title">Pipeline</div>
          <code className="pw-inspector__type">{pipeline.id}.pipeline.json</code>
        </div>
      </header>
      <label className="pw-field">
        <span className="pw-field__label">Name</span>
        <input className="pw-input" data-testid="pipeline-name" value={pipeline.name} onChange={(e) => e.target.value.trim() && update.setName(e.target.value)} />
      </label>
      <label className="pw-field">
        <span className="pw-field__label">Description</span>
        <textarea className="pw-input" data-testid="pipeline-description" rows={3} value={pipeline.description} onChange={(e) => update.setDescription(e.target.value)} />
      </label>
      <RunParamsEditor params={pipeline.params} update={update} />
      <SchedulePanel pipeline={pipeline} update={update} />
      <DependenciesPanel pipeline={pipeline} update={update} />
      <p className="pw-inspector__hint">Select a node to edit it. Shift+drag selects several; press ? for every shortcut.</p>
    </div>
  );
}
