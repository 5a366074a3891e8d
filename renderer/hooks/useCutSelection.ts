import { useCallback } from 'react';
import { useCopySelection } from './useCopySelection';
import { useDeleteSelection } from './useDeleteSelection';

/** Copies the selection to the clipboard, then deletes it. */
export function useCutSelection(): (data?: DataTransfer) => Promise<boolean> {
  const copy = useCopySelection();
  const remove = useDeleteSelection();
  return useCallback(
    async (data) => {
      if (!(await copy(data))) return false;
      remove();
      return true;
    },
    [copy, remove],
  );
}
