import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: ((options: { type: 'minor' }) => void) | undefined | null = null;

/**
 * A minor GC, where this Node allows one. @duckdb/node-api frees a data
 * chunk's memory only when V8 collects its JS object, and V8, not knowing
 * about that memory, collects late: reading a big table chunk by chunk then
 * lands every chunk in fresh pages, about 10 µs each on the bench VM. gc()
 * is exposed as jest's leak detector does it: the flag, then a new context
 * that sees it.
 */
export function collectYoungGarbage(): void {
  if (collect === null) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as typeof collect;
    } catch {
      collect = undefined;
    }
  }
  collect?.({ type: 'minor' });
}
