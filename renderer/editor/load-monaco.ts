import { useEffect, useState } from 'react';

export type MonacoSetup = typeof import('./monaco-setup');

let loading: Promise<MonacoSetup> | undefined;
let loaded: MonacoSetup | undefined;

/** Monaco's chunk, fetched the first time an editor is shown. */
function loadMonaco(): Promise<MonacoSetup> {
  loading ??= import('./monaco-setup').then(
    (setup) => (loaded = setup),
    (error: unknown) => {
      loading = undefined; // try again next time
      throw error;
    },
  );
  return loading;
}

/** Monaco once loaded, undefined while it loads (or if it cannot: callers keep a plain text area). */
export function useMonaco(): MonacoSetup | undefined {
  const [setup, setSetup] = useState<MonacoSetup | undefined>(loaded);
  useEffect(() => {
    if (setup) return;
    let live = true;
    loadMonaco().then(
      (s) => live && setSetup(s),
      (error: unknown) => console.error('Monaco did not load; keeping the plain text area.', error),
    );
    return () => {
      live = false;
    };
  }, [setup]);
  return setup;
}
