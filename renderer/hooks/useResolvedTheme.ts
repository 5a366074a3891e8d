import { useSyncExternalStore } from 'react';
import { useAppStore } from '../store/app-store';
import { selectTheme } from '../store/selectors';

const darkQuery = typeof matchMedia === 'undefined' ? null : matchMedia('(prefers-color-scheme: dark)');
const subscribe = (onChange: () => void) => {
  darkQuery?.addEventListener('change', onChange);
  return () => darkQuery?.removeEventListener('change', onChange);
};
const systemIsDark = () => darkQuery?.matches ?? false;

/** The theme in effect: the user's choice, else the OS's, followed live. */
export function useResolvedTheme(): 'light' | 'dark' {
  const preference = useAppStore(selectTheme);
  const dark = useSyncExternalStore(subscribe, systemIsDark);
  if (preference !== 'system') return preference;
  return dark ? 'dark' : 'light';
}
