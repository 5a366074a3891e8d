import type { NodeState, PipelineNode } from '../../node-library/contract';
import type { AppState } from './app-state';
import type { LogLine, NodeDetail } from './run-slice';

const noLines: LogLine[] = [];
const noDetail: NodeDetail = {};

export const selectPipelines = (s: AppState) => s.pipelines;
export const selectOpenPipelineId = (s: AppState) => s.openPipeline?.id ?? null;
export const selectOpenPipelineName = (s: AppState) => s.openPipeline?.name ?? null;
export const selectError = (s: AppState) => s.error;
export const selectRunStatus = (s: AppState) => s.runStatus;
export const selectRunError = (s: AppState) => s.runError;
export const selectCanRun = (s: AppState) => s.openPipeline !== null && s.runStatus !== 'starting' && s.runStatus !== 'running';
export const selectCanCancel = (s: AppState) => s.runId !== null && s.runStatus === 'running';

/** Everything the canvas draws from; use with useShallow. */
export const selectCanvasInput = (s: AppState) => ({
  pipeline: s.openPipeline,
  nodeTypes: s.nodeTypes,
  nodeStates: s.nodeStates,
  selectedNodeId: s.selectedNodeId,
  nodeSizes: s.nodeSizes,
});

export interface SelectedNodeView {
  node: PipelineNode | undefined;
  state: NodeState;
  lines: LogLine[];
  detail: NodeDetail;
}

/** The selected node with its run view; use with useShallow. */
export const selectSelectedNode = (s: AppState): SelectedNodeView => {
  const id = s.selectedNodeId;
  return {
    node: id === null ? undefined : s.openPipeline?.nodes.find((n) => n.id === id),
    state: (id !== null && s.nodeStates[id]) || 'pending',
    lines: (id !== null && s.logs[id]) || noLines,
    detail: (id !== null && s.nodeDetails[id]) || noDetail,
  };
};
