import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import type { AppState } from '../store/app-state';
import { nodeTypeMap, selectPrimaryNodeId, selectProblems } from '../store/selectors';
import './inspector.css';
import { NodeInspector } from './NodeInspector';
import { PipelineInspector } from './PipelineInspector';

const selectInspector = (s: AppState) => {
  const id = selectPrimaryNodeId(s);
  const node = id === null ? undefined : s.openPipeline?.nodes.find((n) => n.id === id);
  return {
    pipeline: s.openPipeline,
    node,
    info: node && nodeTypeMap(s.nodeTypes).get(node.type),
    count: s.selectedNodeIds.length,
    problems: selectProblems(s),
    previews: s.previews,
  };
};

/** The right panel: the selected node, or the pipeline itself when no node is selected. */
export function Inspector() {
  const { pipeline, node, info, count, problems, previews } = useAppStore(useShallow(selectInspector));
  return (
    <aside className="pw-inspector" aria-label="Inspector" data-testid="inspector">
      {!pipeline && <p className="pw-inspector__hint">Open a pipeline to edit it.</p>}
      {pipeline && count > 1 && <p className="pw-inspector__hint pw-inspector__multi">{count} nodes selected. Showing the last one selected.</p>}
      {pipeline && node && <NodeInspector pipeline={pipeline} node={node} info={info} problems={problems} previews={previews} />}
      {pipeline && !node && <PipelineInspector pipeline={pipeline} />}
    </aside>
  );
}
