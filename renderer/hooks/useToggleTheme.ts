import { useCallback } from 'react';
import { useAppStore } from '../store/app-store';

/** Switches between light and dark; "follow the OS" comes back through the command palette. */
export function useToggleTheme(): () => void {
  return useCallback(() => {
    const { theme, setTheme } = useAppStore.getState();
    const current = theme === 'system' ? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : theme;
    setTheme(current === 'dark' ? 'light' : 'dark');
  }, []);
}
