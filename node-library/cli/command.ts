import path from 'node:path';
import { RunService } from '../backend/run-service';
import { defaultDataDir } from '../backend/data-dir';
import type { NodeRegistry } from '../nodes/registry';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves with the exit code. */
  run(argv: string[]): Promise<number>;
}

/** The run service over `--db` (its folder also holds the cache) or the app's data folder. */
export function openRuns(registry: NodeRegistry, db: string | undefined, concurrency?: number): RunService {
  if (!db) return new RunService({ registry, dataDir: defaultDataDir(), concurrency });
  const dbFile = path.resolve(db);
  return new RunService({ registry, dataDir: path.dirname(dbFile), dbFile, concurrency });
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function printError(text: string): void {
  process.stderr.write(`${text}\n`);
}
