import type * as DuckDbApi from '@duckdb/node-api';
import { createRequire } from 'node:module';

export type DuckDbModule = typeof DuckDbApi;

let loaded: DuckDbModule | undefined;

/** Resolves like import would from this module (from the bundle's folder once bundled: the export's own node_modules). */
const requireFromHere = createRequire(import.meta.url);

/**
 * Loads @duckdb/node-api on first use (about half a second of native code),
 * so runs, CLI commands and exported scripts without tabular nodes never pay
 * for it. Not a static import, because bundlers hoist static imports of
 * external packages to the top of the bundle. Not import() either: the
 * package is CommonJS, and importing it from an ES module makes Node scan its
 * 124 files for named exports (cjs-module-lexer), 100-150 ms of main thread at
 * every cold start of the CLI or an exported script; require() skips the scan.
 */
export async function loadDuckDb(): Promise<DuckDbModule> {
  loaded ??= requireFromHere('@duckdb/node-api') as DuckDbModule;
  return loaded;
}

/** The loaded module, for value converters: they only run on rows DuckDB produced, so it is loaded by then. */
export function loadedDuckDb(): DuckDbModule {
  if (!loaded) throw new Error('DuckDB is used before loadDuckDb() finished');
  return loaded;
}
