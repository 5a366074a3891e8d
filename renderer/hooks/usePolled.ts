import { useEffect, useState } from 'react';

/**
 * A value read from the backend now and every `everyMs` while mounted: for
 * what changes without the user (scheduled fires). A failed read keeps the
 * last value; the next one tries again.
 */
export function usePolled<T>(read: () => Promise<T>, everyMs: number, key: string): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let current = true;
    const load = () =>
      read().then(
        (result) => current && setValue(result),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, everyMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
    // `key` names what `read` reads.
  }, [key, everyMs]);
  return value;
}
