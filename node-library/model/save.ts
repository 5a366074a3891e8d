import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipelineFileSchema, type PipelineFile } from '../contract';

const topKeys = ['format', 'id', 'name', 'description', 'params', 'schedule', 'nodes', 'edges', 'layout', 'annotations'];
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
  // Sorted by id and dropped when empty, so a pipeline without frames or notes keeps its bytes.
  file.annotations = checked.annotations?.length ? [...checked.annotations].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => ordered(a, annotationKeys)) : undefined;
  file.nodes = checked.nodes.map((node) => ({ ...ordered(node, nodeKeys), params: sortedRecord(node.params) }));
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Temp file, fsync, rename, fsync of the folder: a crash leaves the old file or the new one. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
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
