import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';
import { selectDirty } from '../store/selectors';

/** Closing or reloading the window with unsaved changes asks first (the browser's own prompt). */
export function useWarnBeforeUnload(): void {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!selectDirty(useAppStore.getState())) return;
      event.preventDefault();
      event.returnValue = '';
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, []);
}
