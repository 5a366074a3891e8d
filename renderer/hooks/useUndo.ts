import { useCallback } from 'react';
import { useAppStore } from '../store/app-store';

/** Takes back the last edit (Ctrl/Cmd+Z). */
export function useUndo(): () => void {
  return useCallback(() => useAppStore.getState().undo(), []);
}
