import { writeSync } from 'node:fs';
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
  writeLine(1, text);
}

export function printError(text: string): void {
  writeLine(2, text);
}

/**
 * Descriptors written through Node's stream: on Windows always (its console
 * wants the stream's conversion), elsewhere from the first write that would
 * have blocked, so lines stay in order.
 */
const throughStream = new Set<number>(process.platform === 'win32' ? [1, 2] : []);

/**
 * Writes a line to stdout (1) or stderr (2) as Node's own stdio streams do on
 * Linux, with a blocking write, but without building them: that loads the
 * stream modules, 5 ms of an exported script's cold start. A descriptor that
 * would block (EAGAIN: a non-blocking pipe) goes through the stream, which waits.
 */
function writeLine(fd: 1 | 2, text: string): void {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (throughStream.has(fd)) {
    stream().write(`${text}\n`);
    return;
  }
  const bytes = Buffer.from(`${text}\n`);
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    throughStream.add(fd);
    stream().write(bytes.subarray(written));
  }
}
