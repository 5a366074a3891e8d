import type { StateCreator } from 'zustand';
import type { CodeProblemsSlice } from './code-problems-slice';
import type { HistorySlice } from './history-slice';
import type { PipelineSlice } from './pipeline-slice';
import type { RunSlice } from './run-slice';
import type { RunsViewSlice } from './runs-view-slice';
import type { SelectionSlice } from './selection-slice';
import type { UiSlice } from './ui-slice';

export type AppState = PipelineSlice & HistorySlice & SelectionSlice & RunSlice & UiSlice & CodeProblemsSlice & RunsViewSlice;

/** A slice sees (and may set) the whole state, but owns only its own fields. */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
