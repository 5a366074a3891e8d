import type { NodeState, NodeTypeInfo, PipelineNode } from '../../node-library/contract';
import type { AppState } from '../store/app-state';
import type { LogLine, NodeDetail, PortPreview, RunStatus } from '../store/run-slice';
import { nodeTypeMap, selectPrimaryNodeId } from '../store/selectors';

export interface PanelView {
  /** A past run opened from the Runs view (read-only), else the open pipeline's live run. */
  past: boolean;
  runId: string | null;
  runStatus: RunStatus;
  pipelineId: string | null;
  node: PipelineNode | undefined;
  nodeInfo: NodeTypeInfo | undefined;
  state: NodeState;
  detail: NodeDetail;
  lines: LogLine[];
  ports: Record<string, PortPreview> | undefined;
}

const noLines: LogLine[] = [];
const noDetail: NodeDetail = {};

/** What the bottom panel shows: the selected node of the run in view. Use with useShallow. */
export const selectPanelView = (s: AppState): PanelView => {
  const past = s.runsViewOpen && s.pastRun !== null;
  const run = past ? s.pastRun! : s;
  const pipeline = past ? s.pastRun!.detail.pipeline : s.openPipeline;
  const id = past ? s.pastRunNodeId : selectPrimaryNodeId(s);
  const node = id === null ? undefined : pipeline?.nodes.find((n) => n.id === id);
  return {
    past,
    runId: run.runId,
    runStatus: run.runStatus,
    pipelineId: pipeline?.id ?? null,
    node,
    nodeInfo: node && nodeTypeMap(s.nodeTypes).get(node.type),
    state: (id !== null && run.nodeStates[id]) || 'pending',
    detail: (id !== null && run.nodeDetails[id]) || noDetail,
    lines: (id !== null && run.logs[id]) || noLines,
    ports: id === null ? undefined : run.previews[id],
  };
};
