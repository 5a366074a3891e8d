import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { RunService } from '../../../node-library/backend/run-service';
import type { PipelineFile } from '../../../node-library/contract';
import { exportPipeline, type ExportOptions } from '../../../node-library/export/export-pipeline';
import { createRegistry } from '../../../node-library/nodes/registry';
import { repoRoot, tempDir } from '../helpers';

export const registry = createRegistry();

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Exports into a fresh temp folder and gives it a node_modules holding only
 * what its package.json lists, linked to the project's copies: the same pinned
 * versions an offline `npm install` puts there (the benchmark does that real
 * install; compiling better-sqlite3 in every test would take minutes). A
 * script that reached for an unlisted package would fail to load it.
 */
export async function exportToTemp(pipeline: PipelineFile, source: string, options: Omit<ExportOptions, 'outDir'> = {}) {
  const dir = path.join(await tempDir(), 'export');
  const result = await exportPipeline(pipeline, source, registry, { ...options, outDir: dir });
  const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const pkg of Object.keys(manifest.dependencies)) {
    await mkdir(path.dirname(path.join(dir, 'node_modules', pkg)), { recursive: true });
    await symlink(path.join(repoRoot, 'node_modules', pkg), path.join(dir, 'node_modules', pkg), 'dir');
  }
  return result;
}

/** Runs an exported script with plain node as a child process, in `cwd`, with only the given environment on top of PATH. */
export function runScript(dir: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(dir, 'pipeline.mjs'), ...args], { cwd: options.cwd ?? dir, env: { PATH: process.env.PATH ?? '', ...options.env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The in-app run: the RunService behind serve mode and the desktop backend, with its own history in a temp folder. */
export async function runInApp(pipeline: PipelineFile, source: string, params: Record<string, string> = {}): Promise<string> {
  const runs = new RunService({ registry, dataDir: await tempDir() });
  try {
    return await runs.start({ pipeline, source, params, trigger: 'manual' }).done;
  } finally {
    await runs.close();
  }
}
