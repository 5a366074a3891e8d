import type { NodeState, NodeTypeInfo, PipelineFile, PipelineNode, PipelineProblem, PipelineSummary } from '../../node-library/contract';
import { typeMap } from '../edits/connect';
import { samePipeline } from '../edits/same-pipeline';
import type { AppState } from './app-state';
import { withCodeProblems, type CodeCheck } from './code-problems-slice';
import type { LogLine, NodeDetail } from './run-slice';

const noLines: LogLine[] = [];
const noDetail: NodeDetail = {};

/** Remembers the last answer of a function of one object, so selectors return stable values. */
function lastOf<A extends object, R>(fn: (a: A) => R): (a: A) => R {
  let lastArg: A | undefined;
  let lastResult: R;
  return (a) => {
    if (a !== lastArg) {
      lastArg = a;
      lastResult = fn(a);
    }
    return lastResult;
  };
}

export const nodeTypeMap = lastOf((types: NodeTypeInfo[]) => typeMap(types));

let lastInputs: readonly unknown[] = [];
let lastProblems: PipelineProblem[] = [];
/** withCodeProblems, remembered while its inputs stay the same objects. */
function allProblems(problems: PipelineProblem[], checks: Record<string, CodeCheck>, pipeline: PipelineFile | null): PipelineProblem[] {
  const inputs = [problems, checks, pipeline];
  if (!inputs.every((x, i) => x === lastInputs[i])) {
    lastInputs = inputs;
    lastProblems = withCodeProblems(problems, checks, pipeline);
  }
  return lastProblems;
}
const problemsByNode = lastOf((problems: PipelineProblem[]) => {
  const map = new Map<string, string[]>();
  for (const p of problems) if (p.nodeId) map.set(p.nodeId, [...(map.get(p.nodeId) ?? []), p.message]);
  return map as ReadonlyMap<string, readonly string[]>;
});

export const selectPipelines = (s: AppState) => s.pipelines;
let lastRecent: { pipelines: AppState['pipelines']; ids: string[]; summaries: PipelineSummary[] } | undefined;
/** The recently opened pipelines that are in the list, newest first; a stable array while neither changes. */
export const selectRecentPipelines = (s: AppState): PipelineSummary[] => {
  if (lastRecent?.pipelines !== s.pipelines || lastRecent.ids !== s.recentPipelineIds) {
    const summaries = s.recentPipelineIds.flatMap((id) => s.pipelines?.find((p) => p.id === id) ?? []);
    lastRecent = { pipelines: s.pipelines, ids: s.recentPipelineIds, summaries };
  }
  return lastRecent.summaries;
};
export const selectNodeTypes = (s: AppState) => s.nodeTypes;
export const selectOpenPipeline = (s: AppState) => s.openPipeline;
export const selectOpenPipelineId = (s: AppState) => s.openPipeline?.id ?? null;
export const selectOpenPipelineName = (s: AppState) => s.openPipeline?.name ?? null;
/** Unsaved changes; during a drag the pipeline counts as changed without comparing files each frame. */
export const selectDirty = (s: AppState) => (s.gestureBase !== null && s.gestureBase !== s.openPipeline) || !samePipeline(s.openPipeline, s.savedPipeline);
/** Validation problems plus the code editor's syntax and type errors. */
export const selectProblems = (s: AppState) => allProblems(s.problems, s.codeChecks, s.openPipeline);
export const selectError = (s: AppState) => s.error;
export const selectDialog = (s: AppState) => s.dialog;
export const selectOverlay = (s: AppState) => s.overlay;
export const selectTheme = (s: AppState) => s.theme;
export const selectSnapToGrid = (s: AppState) => s.snapToGrid;
export const selectCollapsedPanels = (s: AppState) => s.collapsedPanels;
export const selectRunStatus = (s: AppState) => s.runStatus;
export const selectRunError = (s: AppState) => s.runError;
export const selectCanRun = (s: AppState) => s.openPipeline !== null && s.runStatus !== 'starting' && s.runStatus !== 'running';
export const selectCanCancel = (s: AppState) => s.runId !== null && s.runStatus === 'running';
export const selectCanUndo = (s: AppState) => s.past.length > 0;
export const selectCanRedo = (s: AppState) => s.future.length > 0;
export const selectHasSelection = (s: AppState) => s.selectedNodeIds.length > 0 || s.selectedEdgeIds.length > 0 || s.selectedAnnotationIds.length > 0;

/** The node the inspector and the log panel show: the last one selected. */
export const selectPrimaryNodeId = (s: AppState) => s.selectedNodeIds.at(-1) ?? null;

/** Everything the canvas draws from; use with useShallow. */
export const selectCanvasInput = (s: AppState) => ({
  pipeline: s.openPipeline,
  nodeTypes: nodeTypeMap(s.nodeTypes),
  selectedNodeIds: s.selectedNodeIds,
  selectedEdgeIds: s.selectedEdgeIds,
  selectedAnnotationIds: s.selectedAnnotationIds,
  nodeSizes: s.nodeSizes,
  problemsByNode: problemsByNode(selectProblems(s)),
  snapToGrid: s.snapToGrid,
});

export interface SelectedNodeView {
  node: PipelineNode | undefined;
  state: NodeState;
  lines: LogLine[];
  detail: NodeDetail;
}

/** The selected node with its run view; use with useShallow. */
export const selectSelectedNode = (s: AppState): SelectedNodeView => {
  const id = selectPrimaryNodeId(s);
  return {
    node: id === null ? undefined : s.openPipeline?.nodes.find((n) => n.id === id),
    state: (id !== null && s.nodeStates[id]) || 'pending',
    lines: (id !== null && s.logs[id]) || noLines,
    detail: (id !== null && s.nodeDetails[id]) || noDetail,
  };
};
