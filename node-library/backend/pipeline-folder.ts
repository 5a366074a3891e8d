import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PipewrightError, type PipelineSummary } from '../contract';

const suffix = '.pipeline.json';

export interface PipelineEntry extends PipelineSummary {
  file: string;
}

/** The pipelines in one folder: every `*.pipeline.json`, keyed by the id inside it. */
export async function scanPipelineFolder(dir: string): Promise<PipelineEntry[]> {
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith(suffix)).sort();
  const entries = await Promise.all(names.map((name) => readSummary(path.join(dir, name))));
  return entries.filter((e): e is PipelineEntry => e !== undefined);
}

export async function findPipelineFile(dir: string, pipelineId: string): Promise<string> {
  const entry = (await scanPipelineFolder(dir)).find((e) => e.id === pipelineId);
  if (!entry) throw new PipewrightError('E_PIPELINE_005', `no pipeline with id ${pipelineId} in ${dir}`);
  return entry.file;
}

export function newPipelineFile(dir: string, pipelineId: string): string {
  return path.join(dir, `${pipelineId}${suffix}`);
}

/** The id a pipeline called `name` gets: lower-case words joined by `-` ("Big orders!" -> `big-orders`). */
export function pipelineIdFromName(name: string): string {
  const words = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (/^[a-z]/.test(words) ? words : `pipeline${words ? `-${words}` : ''}`).slice(0, 56).replace(/-+$/, '');
}

/** A pipeline id for a new pipeline called `name`, made unique in the folder by a `-2`, `-3`... suffix. */
export async function newPipelineId(dir: string, name: string): Promise<string> {
  return freeId(dir, pipelineIdFromName(name));
}

/** The id of a copy of `pipelineId`: `<id>-copy`, then `<id>-copy-2`, `-copy-3`... */
export async function copyPipelineId(dir: string, pipelineId: string): Promise<string> {
  return freeId(dir, `${pipelineId.slice(0, 51)}-copy`);
}

/** Whether another pipeline in the folder has this id or its file name. */
export async function pipelineIdTaken(dir: string, pipelineId: string): Promise<boolean> {
  return (await scanPipelineFolder(dir)).some((e) => e.id === pipelineId) || exists(newPipelineFile(dir, pipelineId));
}

/** `base`, else `base-2`, `base-3`...: the first that is free among the folder's ids and file names. */
async function freeId(dir: string, base: string): Promise<string> {
  const taken = new Set((await scanPipelineFolder(dir)).map((e) => e.id));
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(id) && !(await exists(newPipelineFile(dir, id)))) return id;
  }
}

const exists = (file: string) => access(file).then(() => true, () => false);

/** Only the summary fields; a file too broken to summarise is listed under its file name. */
async function readSummary(file: string): Promise<PipelineEntry | undefined> {
  const fallbackId = path.basename(file, suffix);
  try {
    const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const id = typeof raw.id === 'string' ? raw.id : fallbackId;
    return {
      file,
      id,
      name: typeof raw.name === 'string' ? raw.name : id,
      description: typeof raw.description === 'string' ? raw.description : '',
      nodeCount: Array.isArray(raw.nodes) ? raw.nodes.length : 0,
    };
  } catch {
    return { file, id: fallbackId, name: fallbackId, description: 'This file is not valid JSON', nodeCount: 0 };
  }
}
