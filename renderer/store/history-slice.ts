import type { PipelineFile } from '../../node-library/contract';
import type { AppState, SliceCreator } from './app-state';
import type { NodeSize, XY } from './pipeline-slice';
import { moveItems, updateAnnotation } from '../edits/annotations';
import { pruneSelection } from './selection-slice';

/** How many edits undo can take back. */
export const historyLimit = 200;
/** A pause in typing longer than this starts a new undo step. */
const coalesceMs = 1500;

export interface EditOptions {
  /**
   * Edits with the same key in a row make one undo step (typing in one field).
   * Any other edit, undo or redo ends the run.
   */
  coalesce?: string;
}

export interface HistorySlice {
  past: PipelineFile[];
  future: PipelineFile[];
  lastEditKey: string | null;
  lastEditAt: number;
  /** The pipeline before the drag in progress, if one is. */
  gestureBase: PipelineFile | null;
  /** The one way the pipeline changes: applies a pure edit and records an undo step. */
  edit(recipe: (pipeline: PipelineFile) => PipelineFile, options?: EditOptions): void;
  undo(): void;
  redo(): void;
  /**
   * Moves nodes, frames (with what they hold) and notes. Moves while
   * `dragging` make one undo step, recorded by the first move that is not
   * (or by endGesture); a keyboard nudge is one step.
   */
  moveNodes(positions: Record<string, XY>, dragging: boolean): void;
  /** Resizes a frame or note; like moveNodes, a resize in progress is one undo step. */
  resizeAnnotation(id: string, box: Partial<XY & NodeSize>, resizing: boolean): void;
  /** A drag ended: records its undo step if a move has not. */
  endGesture(): void;
}

export const initialHistory = { past: [] as PipelineFile[], future: [] as PipelineFile[], lastEditKey: null, lastEditAt: 0, gestureBase: null };

const pushed = (past: PipelineFile[], pipeline: PipelineFile) => [...past.slice(-(historyLimit - 1)), pipeline];

export const createHistorySlice: SliceCreator<HistorySlice> = (set) => ({
  ...initialHistory,
  edit: (recipe, options = {}) =>
    set((s): Partial<AppState> => {
      if (!s.openPipeline) return {};
      const next = recipe(s.openPipeline);
      if (next === s.openPipeline) return {};
      const key = options.coalesce ?? null;
      const now = Date.now();
      const coalesced = key !== null && key === s.lastEditKey && now - s.lastEditAt < coalesceMs;
      const past = coalesced ? s.past : pushed(s.past, s.openPipeline);
      return { openPipeline: next, past, future: [], lastEditKey: key, lastEditAt: now, ...pruneSelection(s, next) };
    }),
  undo: () =>
    set((s): Partial<AppState> => {
      const previous = s.past.at(-1);
      if (!previous || !s.openPipeline) return {};
      return { openPipeline: previous, past: s.past.slice(0, -1), future: [s.openPipeline, ...s.future], lastEditKey: null, ...pruneSelection(s, previous) };
    }),
  redo: () =>
    set((s): Partial<AppState> => {
      const [next, ...future] = s.future;
      if (!next || !s.openPipeline) return {};
      return { openPipeline: next, past: pushed(s.past, s.openPipeline), future, lastEditKey: null, ...pruneSelection(s, next) };
    }),
  moveNodes: (positions, dragging) =>
    set((s): Partial<AppState> => {
      const pipeline = s.openPipeline;
      if (!pipeline) return {};
      const base = s.gestureBase ?? pipeline;
      const next = moveItems(pipeline, positions, base, s.nodeSizes);
      if (dragging) return next === pipeline ? {} : { openPipeline: next, gestureBase: base };
      if (next === base) return { gestureBase: null };
      return { openPipeline: next, gestureBase: null, past: pushed(s.past, base), future: [], lastEditKey: null };
    }),
  resizeAnnotation: (id, box, resizing) =>
    set((s): Partial<AppState> => {
      const pipeline = s.openPipeline;
      if (!pipeline) return {};
      const rounded = Object.fromEntries(Object.entries(box).map(([k, v]) => [k, Math.round(v)]));
      const next = updateAnnotation(pipeline, id, rounded);
      const base = s.gestureBase ?? pipeline;
      if (resizing) return next === pipeline ? {} : { openPipeline: next, gestureBase: base };
      if (next === base) return { gestureBase: null };
      return { openPipeline: next, gestureBase: null, past: pushed(s.past, base), future: [], lastEditKey: null };
    }),
  endGesture: () =>
    set((s): Partial<AppState> => {
      const base = s.gestureBase;
      if (!base || !s.openPipeline || base === s.openPipeline) return { gestureBase: null };
      return { gestureBase: null, past: pushed(s.past, base), future: [], lastEditKey: null };
    }),
});
