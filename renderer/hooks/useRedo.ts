import { useCallback } from 'react';
import { useAppStore } from '../store/app-store';

/** Re-applies the last undone edit (Shift+Ctrl/Cmd+Z). */
export function useRedo(): () => void {
  return useCallback(() => useAppStore.getState().redo(), []);
}
