import type * as DuckDbApi from '@duckdb/node-api';

export type DuckDbModule = typeof DuckDbApi;

let loaded: DuckDbModule | undefined;

/**
 * Loads @duckdb/node-api on first use (about half a second of native code),
 * so runs, CLI commands and exported scripts without tabular nodes never pay
 * for it. A dynamic import, not a static one, because bundlers hoist static
 * imports of external packages to the top of the bundle.
 */
export async function loadDuckDb(): Promise<DuckDbModule> {
  loaded ??= await import('@duckdb/node-api');
  return loaded;
}

/** The loaded module, for value converters: they only run on rows DuckDB produced, so it is loaded by then. */
export function loadedDuckDb(): DuckDbModule {
  if (!loaded) throw new Error('DuckDB is used before loadDuckDb() finished');
  return loaded;
}
