import type { NodeTypeInfo, PipelineFile, PipelineSummary } from '../../node-library/contract';
import type { SliceCreator } from './app-state';
import { initialRun } from './run-slice';

export interface XY {
  x: number;
  y: number;
}

export interface NodeSize {
  width: number;
  height: number;
}

export interface PipelineSlice {
  /** null until the first listPipelines answer. */
  pipelines: PipelineSummary[] | null;
  nodeTypes: NodeTypeInfo[];
  openPipeline: PipelineFile | null;
  /** Sizes the canvas measured; canvas-only, never saved. */
  nodeSizes: Record<string, NodeSize>;
  setPipelines(pipelines: PipelineSummary[]): void;
  setNodeTypes(nodeTypes: NodeTypeInfo[]): void;
  /** Opens a loaded pipeline: clears the selection and the previous run's view. */
  setOpenPipeline(pipeline: PipelineFile): void;
  /** Moves nodes on the canvas: updates the open pipeline's layout (in memory only). */
  moveNodes(positions: Record<string, XY>): void;
  setNodeSizes(sizes: Record<string, NodeSize>): void;
}

export const createPipelineSlice: SliceCreator<PipelineSlice> = (set) => ({
  pipelines: null,
  nodeTypes: [],
  openPipeline: null,
  nodeSizes: {},
  setPipelines: (pipelines) => set({ pipelines }),
  setNodeTypes: (nodeTypes) => set({ nodeTypes }),
  setOpenPipeline: (pipeline) => set({ openPipeline: pipeline, nodeSizes: {}, selectedNodeId: null, ...initialRun }),
  moveNodes: (positions) =>
    set(({ openPipeline }) => {
      if (!openPipeline) return {};
      const layout = { ...openPipeline.layout };
      for (const [nodeId, { x, y }] of Object.entries(positions)) layout[nodeId] = { ...layout[nodeId], x, y };
      return { openPipeline: { ...openPipeline, layout } };
    }),
  setNodeSizes: (sizes) => set(({ nodeSizes }) => ({ nodeSizes: { ...nodeSizes, ...sizes } })),
});
