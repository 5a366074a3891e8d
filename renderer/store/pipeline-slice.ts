import type { NodeTypeInfo, PipelineFile, PipelineProblem, PipelineSummary } from '../../node-library/contract';
import type { SliceCreator } from './app-state';
import { noCodeChecks } from './code-problems-slice';
import { initialHistory } from './history-slice';
import { initialRun } from './run-slice';
import { noSelection } from './selection-slice';

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
  /** The pipeline being edited, as it would be saved. */
  openPipeline: PipelineFile | null;
  /** The open pipeline as last loaded or saved; the dirty indicator compares against it. */
  savedPipeline: PipelineFile | null;
  /** What validatePipeline said about `problemsOf`; stale answers are dropped. */
  problems: PipelineProblem[];
  problemsOf: PipelineFile | null;
  /** Sizes the canvas measured; canvas-only, never saved. */
  nodeSizes: Record<string, NodeSize>;
  /** Ids of the pipelines last opened, newest first. */
  recentPipelineIds: string[];
  setPipelines(pipelines: PipelineSummary[]): void;
  setRecentPipelineIds(ids: string[]): void;
  setNodeTypes(nodeTypes: NodeTypeInfo[]): void;
  /** Opens a loaded pipeline: clears history, selection and the previous run's view. */
  setOpenPipeline(pipeline: PipelineFile): void;
  closePipeline(): void;
  /** The pipeline `saved` is now on disk (the open one may have moved on since). */
  markSaved(saved: PipelineFile): void;
  /**
   * The open pipeline's file was renamed: the canvas, the saved copy and every
   * undo step take the new id and name (a rename is not an edit: no undo brings
   * back the old file). Unsaved changes stay unsaved.
   */
  renameOpenPipeline(fromId: string, renamed: PipelineFile): void;
  setProblems(pipeline: PipelineFile, problems: PipelineProblem[]): void;
  setNodeSizes(sizes: Record<string, NodeSize>): void;
}

export const createPipelineSlice: SliceCreator<PipelineSlice> = (set) => ({
  pipelines: null,
  nodeTypes: [],
  openPipeline: null,
  savedPipeline: null,
  problems: [],
  problemsOf: null,
  nodeSizes: {},
  recentPipelineIds: [],
  setPipelines: (pipelines) => set({ pipelines }),
  setRecentPipelineIds: (recentPipelineIds) => set({ recentPipelineIds }),
  setNodeTypes: (nodeTypes) => set({ nodeTypes }),
  setOpenPipeline: (pipeline) =>
    set({
      openPipeline: pipeline,
      savedPipeline: pipeline,
      problems: [],
      problemsOf: null,
      nodeSizes: {},
      previews: {},
      ...noSelection,
      ...initialHistory,
      ...initialRun,
      ...noCodeChecks,
    }),
  closePipeline: () =>
    set({ openPipeline: null, savedPipeline: null, problems: [], problemsOf: null, nodeSizes: {}, previews: {}, ...noSelection, ...initialHistory, ...initialRun, ...noCodeChecks }),
  markSaved: (saved) => set(({ openPipeline }) => (openPipeline?.id === saved.id ? { savedPipeline: saved } : {})),
  renameOpenPipeline: (fromId, { id, name }) =>
    set((s) => {
      if (!s.openPipeline || s.openPipeline.id !== fromId) return {};
      const renamed = (p: PipelineFile) => ({ ...p, id, name });
      return {
        openPipeline: renamed(s.openPipeline),
        savedPipeline: s.savedPipeline && renamed(s.savedPipeline),
        past: s.past.map(renamed),
        future: s.future.map(renamed),
        gestureBase: s.gestureBase && renamed(s.gestureBase),
      };
    }),
  setProblems: (pipeline, problems) => set(({ openPipeline }) => (openPipeline === pipeline ? { problems, problemsOf: pipeline } : {})),
  setNodeSizes: (sizes) => set(({ nodeSizes }) => ({ nodeSizes: { ...nodeSizes, ...sizes } })),
});
