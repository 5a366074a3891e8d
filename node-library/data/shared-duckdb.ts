import type { DuckDBInstance } from '@duckdb/node-api';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDuckDb } from './duckdb-module';

let shared: Promise<DuckDBInstance> | undefined;
let databases = 0;

/**
 * The process's one DuckDB instance for runs on default settings. Each run
 * attaches a database of its own to it (see DuckDbSession), so runs never see
 * each other's tables, while the instance, its threads and the memory its
 * allocator keeps stay warm from run to run: opening an instance costs 20-45
 * ms, and a fresh one faults in every page it touches (a 100k-row table read
 * out for a code node took 45-55 ms in a fresh instance, 16-20 ms in a warm
 * one, on this 2-core VM). One memory limit holds for all runs at once, and
 * spill files go to one folder per process, removed at exit.
 */
export function sharedDuckDb(memoryLimit: string): Promise<DuckDBInstance> {
  if (!shared) {
    shared = loadDuckDb().then(({ DuckDBInstance }) => {
      const spill = path.join(os.tmpdir(), `pipewright-spill-${process.pid}`);
      process.once('exit', () => rmSync(spill, { recursive: true, force: true }));
      return DuckDBInstance.create(':memory:', { threads: String(os.availableParallelism()), memory_limit: memoryLimit, temp_directory: spill });
    });
    // A failed open is tried again by the next run rather than failing every run after it.
    shared.catch(() => (shared = undefined));
  }
  return shared;
}

/** A name no other database of this process's shared instance has. */
export function runDatabaseName(): string {
  return `run_${++databases}`;
}
