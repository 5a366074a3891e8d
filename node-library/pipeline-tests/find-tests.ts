import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { paramValueSchema } from '../contract';

/**
 * A sidecar `<name>.test.json` beside `<name>.pipeline.json`: parameters for
 * the run and what it must produce. Paths in `files` are relative to the
 * sidecar's folder (expected) and to the run's output folder (actual).
 */
export const sidecarSchema = z.strictObject({
  params: z.record(z.string(), paramValueSchema).optional(),
  expect: z
    .strictObject({
      /** The run's end state; succeeded unless given. */
      state: z.enum(['succeeded', 'failed']).optional(),
      /** Row counts by `nodeId.port`. */
      rows: z.record(z.string(), z.number().int().min(0)).optional(),
      /** Output file -> expected file, compared byte for byte. */
      files: z.record(z.string(), z.string()).optional(),
    })
    .default({}),
});
export type Sidecar = z.infer<typeof sidecarSchema>;

export interface PipelineTestTarget {
  pipelineFile: string;
  /** The sidecar file, when there is one. */
  sidecarFile?: string;
}

const suffix = '.pipeline.json';
const skipFolders = new Set(['node_modules', '.git', 'out', 'expected', 'exports']);

/** The pipelines under the given files and folders (a folder: recursively), each with its sidecar if present. */
export async function findTestTargets(inputs: string[]): Promise<PipelineTestTarget[]> {
  const files = new Set<string>();
  for (const input of inputs) {
    const resolved = path.resolve(input);
    const info = await stat(resolved).catch(() => undefined);
    if (!info) throw new Error(`${input} does not exist`);
    if (info.isDirectory()) for (const f of await pipelinesUnder(resolved)) files.add(f);
    else if (resolved.endsWith('.test.json')) files.add(resolved.replace(/\.test\.json$/, suffix));
    else files.add(resolved);
  }
  return [...files].sort().map((pipelineFile) => {
    const sidecar = pipelineFile.endsWith(suffix) ? pipelineFile.slice(0, -suffix.length) + '.test.json' : undefined;
    return { pipelineFile, sidecarFile: sidecar && existsSync(sidecar) ? sidecar : undefined };
  });
}

async function pipelinesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      if (e.isDirectory()) return skipFolders.has(e.name) || e.name.startsWith('.') ? [] : pipelinesUnder(path.join(dir, e.name));
      return e.name.endsWith(suffix) ? [path.join(dir, e.name)] : [];
    }),
  );
  return nested.flat();
}

export async function readSidecar(file: string): Promise<Sidecar> {
  const parsed = sidecarSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new Error(`${path.basename(file)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
