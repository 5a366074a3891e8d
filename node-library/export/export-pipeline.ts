import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PipewrightError, type PipelineFile } from '../contract';
import { isParamRef } from '../model/params';
import type { NodeRegistry } from '../nodes/registry-of';
import { bundleScript } from './bundle-script';
import { exportReadme } from './readme';
import { scheduleFiles } from './schedule-files';
import { installedVersion, librarySourceDir, nodeModules } from './sources';
import { runnerBundle } from '../runner/runner-bundle';
import { npmSpec } from '../packages/workspace-packages';

export interface ExportOptions {
  /** The folder to write; created if missing, and it must be empty or not exist. */
  outDir: string;
  /** Copy the files the pipeline's sources read (relative paths inside the pipeline's folder). */
  includeData?: boolean;
  /** A cron expression (5 fields): also write a crontab line, a systemd service + timer and a GitHub Actions workflow. */
  cron?: string;
}

export interface ExportResult {
  dir: string;
  /** Written files, relative to dir, sorted. */
  files: string[];
  /** The native packages package.json lists. */
  packages: string[];
}

/**
 * Writes a folder that runs the pipeline with plain Node: pipeline.mjs (one
 * esbuild bundle of the engine, the node types it uses and the pipeline), a
 * package.json with only the native packages it needs, pinned, a README, and
 * on request the sample data and schedule files.
 */
export async function exportPipeline(pipeline: PipelineFile, source: string, registry: NodeRegistry, options: ExportOptions): Promise<ExportResult> {
  const dir = path.resolve(options.outDir);
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) throw new PipewrightError('E_EXPORT_001', `${dir} is not empty; export into a new or empty folder`);
  const sourceDir = librarySourceDir();
  const modules = await nodeModules(sourceDir);
  const types = [...new Set(pipeline.nodes.map((n) => n.type))].sort();
  const unknown = types.filter((t) => !modules.has(t) || !registry.get(t));
  if (unknown.length > 0) throw new PipewrightError('E_EXPORT_001', `node type ${unknown.join(', ')} cannot be exported: only built-in node types have sources to bundle`);
  if (pipeline.nodes.length === 0) throw new PipewrightError('E_EXPORT_001', `${pipeline.id} has no nodes; add some before exporting`);

  // DuckDB only when a node passes tables; better-sqlite3 always, for the script's run history.
  const tabular = types.some((t) => [...registry.get(t)!.inputs, ...registry.get(t)!.outputs].some((p) => p.type === 'table'));
  // Code nodes: esbuild compiles the user's module at run time, and tables cross through DuckDB's bindings.
  const code = types.some((t) => t.startsWith('code.'));
  const packages = [...(tabular || code ? ['@duckdb/node-api'] : []), ...(code ? ['@duckdb/node-bindings'] : []), 'better-sqlite3', ...(code ? ['esbuild'] : [])];
  const pinned = Object.fromEntries(await Promise.all(packages.map(async (p) => [p, await installedVersion(sourceDir, p)] as const)));
  const declared = userPackages(pipeline, path.dirname(source), dir, packages);
  const dependencies = Object.fromEntries(Object.entries({ ...pinned, ...declared }).sort(([a], [b]) => (a < b ? -1 : 1)));

  const files = new Map<string, string>();
  files.set('pipeline.mjs', await bundleScript(pipeline, sourceDir, types.map((t) => modules.get(t)!)));
  // The runner processes' own entry, next to the script, where the pool looks for it.
  if (code) files.set(path.join('runner', 'runner.cjs'), await runnerBundle(path.join(sourceDir, 'runner', 'runner-entry.ts')));
  const manifest = { name: `pipewright-${pipeline.id}`, version: '1.0.0', private: true, description: pipeline.description || pipeline.name, type: 'module', scripts: { start: 'node pipeline.mjs' }, engines: { node: '>=20.19' }, dependencies };
  files.set('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  files.set('.gitignore', 'node_modules/\nhistory.sqlite*\ncache/\n.pipeline.cache\n');
  // file: packages copied, not linked: the runners may read this folder's node_modules only.
  if (Object.keys(declared).length > 0) files.set('.npmrc', 'install-links=true\n');
  const schedule = options.cron === undefined ? {} : scheduleFiles(pipeline, options.cron);
  for (const [name, text] of Object.entries(schedule)) files.set(name, text);
  const data = options.includeData ? sampleData(pipeline, registry, path.dirname(source)) : [];
  files.set('README.md', exportReadme(pipeline, { packages, declared: Object.keys(declared), data, schedule: Object.keys(schedule) }));

  try {
    for (const [name, text] of files) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    await chmod(path.join(dir, 'pipeline.mjs'), 0o755);
    for (const relative of data) {
      await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
      await copyFile(path.resolve(path.dirname(source), relative), path.join(dir, relative));
    }
  } catch (error) {
    throw new PipewrightError('E_EXPORT_002', `could not write the export to ${dir}: ${(error as Error).message}`);
  }
  return { dir, files: [...files.keys(), ...data].map((f) => f.split(path.sep).join('/')).sort(), packages };
}

/**
 * The npm packages the pipeline declares, for the export's package.json: a
 * relative `file:` path is rewritten to be relative to the export folder. A
 * package the script itself pins cannot be declared again.
 */
function userPackages(pipeline: PipelineFile, baseDir: string, outDir: string, pinned: string[]): Record<string, string> {
  const declared = pipeline.dependencies ?? {};
  const clash = Object.keys(declared).filter((name) => pinned.includes(name));
  if (clash.length > 0) throw new PipewrightError('E_EXPORT_001', `the pipeline declares ${clash.join(', ')}, which the exported script pins itself; remove it from the pipeline's dependencies`);
  return Object.fromEntries(
    Object.entries(declared).map(([name, spec]) => {
      const resolved = npmSpec(spec, baseDir);
      if (resolved === spec) return [name, spec];
      return [name, `file:${path.relative(outDir, resolved.slice('file:'.length)).split(path.sep).join('/')}`];
    }),
  );
}

/** Relative paths that source nodes read, inside the pipeline's folder: its sample data. */
function sampleData(pipeline: PipelineFile, registry: NodeRegistry, baseDir: string): string[] {
  const found = new Set<string>();
  for (const node of pipeline.nodes) {
    const definition = registry.get(node.type);
    if (!definition || definition.inputs.length > 0) continue;
    for (const [name, spec] of Object.entries(definition.params)) {
      let value = node.params[name];
      if (isParamRef(value)) value = pipeline.params[value.$param]?.default;
      if (spec.kind !== 'path' || typeof value !== 'string') continue;
      const relative = path.relative(baseDir, path.resolve(baseDir, value));
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && existsSync(path.join(baseDir, relative))) found.add(relative);
    }
  }
  return [...found].sort();
}
