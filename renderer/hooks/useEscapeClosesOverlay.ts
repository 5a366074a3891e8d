import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';

/** Escape closes the open overlay dialog, wherever the focus is. */
export function useEscapeClosesOverlay(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useAppStore.getState().setOverlay(null);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
