import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { dependenciesSchema, type Dependencies } from '../contract';
import type { Declaration } from '../packages/install-packages';
import { scanPipelineFolder } from './pipeline-folder';

/**
 * What every pipeline of the folder declares, `pipelineId`'s own as given
 * (checked by the schema already). Another file whose dependencies are not
 * valid is left out: its own install will say why.
 */
export async function workspaceDeclarations(dir: string, pipelineId: string, own: Dependencies | undefined): Promise<Declaration[]> {
  const declarations: Declaration[] = [{ pipelineId, dependencies: own ?? {}, baseDir: path.resolve(dir) }];
  for (const entry of await scanPipelineFolder(dir)) {
    if (entry.id === pipelineId) continue;
    const raw = await readFile(entry.file, 'utf8').then((text) => JSON.parse(text) as { dependencies?: unknown }, () => undefined);
    const parsed = dependenciesSchema.safeParse(raw?.dependencies ?? {});
    if (parsed.success && Object.keys(parsed.data).length > 0) declarations.push({ pipelineId: entry.id, dependencies: parsed.data, baseDir: path.dirname(entry.file) });
  }
  return declarations;
}
