import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadDuckDb, loadedDuckDb } from '../../../node-library/data/duckdb-module';

describe('loadDuckDb', () => {
  it("loads @duckdb/node-api as CommonJS (require's exports, not an ES namespace Node builds by scanning the package) once", async () => {
    const viaRequire = createRequire(import.meta.url)('@duckdb/node-api') as unknown;
    const loaded = await loadDuckDb();
    expect(loaded).toBe(viaRequire);
    expect(await loadDuckDb()).toBe(loaded);
    expect(loadedDuckDb()).toBe(loaded);
    expect(typeof loaded.DuckDBInstance.create).toBe('function');
  });
});
