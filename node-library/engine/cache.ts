import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDbSession } from '../data/duckdb-session';
import { isTable, sqlString, table } from '../data/table';

/** Stored node outputs by key; tables are kept as Parquet so a hit needs no source file. */
export interface OutputCache {
  get(key: string): Promise<Record<string, unknown> | undefined>;
  /** Stores outputs and returns them as read back from the cache. */
  put(key: string, outputs: Record<string, unknown>, data: DuckDbSession, signal: AbortSignal): Promise<Record<string, unknown>>;
}

export function hashKey(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** A cache folder with a size cap; the least recently used entries go first. */
export function fileCache(dir: string, maxBytes: number): OutputCache {
  const entryDir = (key: string) => path.join(dir, key);
  return {
    async get(key) {
      const index = path.join(entryDir(key), 'outputs.json');
      const text = await readFile(index, 'utf8').catch(() => undefined);
      if (text === undefined) return undefined;
      const now = new Date();
      await utimes(index, now, now);
      return JSON.parse(text) as Record<string, unknown>;
    },
    async put(key, outputs, data, signal) {
      const temp = path.join(dir, `.${key}.${randomBytes(4).toString('hex')}.tmp`);
      await mkdir(temp, { recursive: true });
      try {
        const stored: Record<string, unknown> = {};
        for (const [port, value] of Object.entries(outputs)) {
          if (!isTable(value)) {
            stored[port] = value;
            continue;
          }
          await data.execute(`COPY (${value.sql}) TO ${sqlString(path.join(temp, `${port}.parquet`))} (FORMAT parquet)`, signal);
          stored[port] = table(`SELECT * FROM read_parquet(${sqlString(path.join(entryDir(key), `${port}.parquet`))})`);
        }
        await writeFile(path.join(temp, 'outputs.json'), JSON.stringify(stored));
        await rm(entryDir(key), { recursive: true, force: true });
        await rename(temp, entryDir(key));
        await evict(dir, maxBytes);
        return stored;
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
    },
  };
}

async function evict(dir: string, maxBytes: number): Promise<void> {
  const entries = await Promise.all(
    (await readdir(dir)).filter((name) => !name.startsWith('.')).map(async (name) => {
      const files = await readdir(path.join(dir, name));
      const stats = await Promise.all(files.map((f) => stat(path.join(dir, name, f))));
      const used = (await stat(path.join(dir, name, 'outputs.json')).catch(() => undefined))?.mtimeMs ?? 0;
      return { name, bytes: stats.reduce((sum, s) => sum + s.size, 0), used };
    }),
  );
  let total = entries.reduce((sum, e) => sum + e.bytes, 0);
  for (const entry of entries.sort((a, b) => a.used - b.used)) {
    if (total <= maxBytes) break;
    await rm(path.join(dir, entry.name), { recursive: true, force: true });
    total -= entry.bytes;
  }
}
