import { randomBytes } from 'node:crypto';
import { link, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipelineFileSchema, type PipelineFile } from '../contract';

const topKeys = ['format', 'id', 'name', 'description', 'params', 'dependencies', 'schedule', 'nodes', 'edges', 'layout', 'annotations'];
const annotationKeys = ['id', 'kind', 'title', 'text', 'x', 'y', 'width', 'height'];
const nodeKeys = ['id', 'type', 'version', 'label', 'params', 'code', 'retries', 'retryDelayMs', 'timeoutMs', 'cache', 'trigger'];

/**
 * The file's text: 2-space indent and a fixed key order (records sorted), so
 * the same pipeline always serialises to the same bytes and diffs stay small.
 */
export function serializePipeline(pipeline: PipelineFile): string {
  const checked = pipelineFileSchema.parse(pipeline);
  const file = ordered(checked, topKeys);
  file.params = sortedRecord(checked.params);
  file.layout = sortedRecord(checked.layout);
  // Sorted like package.json's, and dropped when empty so removing the last one restores the file's bytes.
  file.dependencies = checked.dependencies && Object.keys(checked.dependencies).length > 0 ? sortedRecord(checked.dependencies) : undefined;
  // Sorted by id and dropped when empty, so a pipeline without frames or notes keeps its bytes.
  file.annotations = checked.annotations?.length ? [...checked.annotations].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => ordered(a, annotationKeys)) : undefined;
  file.nodes = checked.nodes.map((node) => ({ ...ordered(node, nodeKeys), params: sortedRecord(node.params) }));
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Temp file, fsync, rename, fsync of the folder: a crash leaves the old file or the new one. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = await writeTemp(file, text);
  try {
    await renameRetrying(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(file);
}

/**
 * Like writeFileAtomic, but never replaces a file: when `file` exists it
 * throws an error with code EEXIST and leaves it alone. A hard link puts the
 * complete temp file in place in one step, failing if the name is taken.
 */
export async function writeNewFileAtomic(file: string, text: string): Promise<void> {
  const temp = await writeTemp(file, text);
  try {
    await link(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    // A file system without hard links: exclusive create, which still refuses an existing file.
    await writeFile(file, text, { flag: 'wx' });
  } finally {
    await rm(temp, { force: true });
  }
  await syncFolder(file);
}

/** Temp files this module writes: `.<name>.<12 hex>.tmp` next to the file. */
const tempName = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes temp files a crash left in `dir` mid-save (older than `minAgeMs`,
 * so a save in progress in another process is left alone). Returns their names.
 */
export async function removeStaleTemps(dir: string, minAgeMs = 60_000): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => tempName.test(n));
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info || Date.now() - info.mtimeMs < minAgeMs) continue;
    await rm(file, { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * On Windows a rename fails with EPERM, EBUSY or EACCES while another program
 * (an indexer, a virus scanner, an editor) has the file open for a moment; a
 * few short retries ride that out before the save fails.
 */
async function renameRetrying(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 6 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }
}

async function writeTemp(file: string, text: string): Promise<string> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function syncFolder(file: string): Promise<void> {
  const dir = await open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

function ordered(source: object, keys: string[]): Record<string, unknown> {
  const record = source as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Known keys first in their fixed order, then any others, so no field is ever dropped.
  for (const key of [...keys, ...Object.keys(record).filter((k) => !keys.includes(k)).sort()]) {
    if (record[key] !== undefined) out[key] = record[key];
  }
  return out;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
