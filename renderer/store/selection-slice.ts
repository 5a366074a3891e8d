import type { SliceCreator } from './app-state';

export interface SelectionSlice {
  selectedNodeId: string | null;
  selectNode(nodeId: string | null): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedNodeId: null,
  selectNode: (nodeId) => set({ selectedNodeId: nodeId }),
});
