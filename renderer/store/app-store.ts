import { create } from 'zustand';
import type { AppState } from './app-state';
import { createCodeProblemsSlice } from './code-problems-slice';
import { createHistorySlice } from './history-slice';
import { createPipelineSlice } from './pipeline-slice';
import { createRunSlice } from './run-slice';
import { createRunsViewSlice } from './runs-view-slice';
import { createSelectionSlice } from './selection-slice';
import { createUiSlice } from './ui-slice';

/** The renderer's one store, made of slices. Read it through ./selectors. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createPipelineSlice(...a),
  ...createHistorySlice(...a),
  ...createSelectionSlice(...a),
  ...createRunSlice(...a),
  ...createUiSlice(...a),
  ...createCodeProblemsSlice(...a),
  ...createRunsViewSlice(...a),
}));
