import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PipelineFile } from '../../contract';
import { RunService } from '../../backend/run-service';
import { secretEnvName } from '../../engine/host';
import { print, printError } from '../../cli/command';
import { follow } from '../../cli/follow';
import { loadDuckDb } from '../../data/duckdb-module';
import { resolveRunParams } from '../../model/params';
import type { NodeDefinition } from '../../nodes/define-node';
import { registryOf } from '../../nodes/registry-of';
import { scriptUsage, secretNames } from './script-usage';

/** What an exported script's bundle passes in: the pipeline, the node types it uses, and the script's own folder. */
export interface ExportedPipeline {
  pipeline: PipelineFile;
  nodes: NodeDefinition[];
  scriptDir: string;
}

/**
 * The main of an exported script: the same RunService the app and the CLI
 * use, over a registry of only the node types the pipeline needs. Resolves
 * with the exit code.
 */
export async function runExported({ pipeline, nodes, scriptDir }: ExportedPipeline, argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        param: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        'out-dir': { type: 'string' },
        'no-history': { type: 'boolean' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return usageError((error as Error).message, pipeline);
  }
  if (values.help) {
    print(scriptUsage(pipeline));
    return 0;
  }
  const params: Record<string, string> = {};
  for (const pair of values.param ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return usageError(`--param takes name=value, not ${JSON.stringify(pair)}`, pipeline);
    params[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) return usageError(`--concurrency must be a positive whole number, not ${values.concurrency}`, pipeline);
  // Declared parameters first, so a typo is answered at once; RunService checks them again with the node params.
  const declared = resolveRunParams(pipeline.params, params);
  if (!declared.ok) {
    printError(`invalid run parameters:\n${declared.problems.map((p) => `- ${p}`).join('\n')}`);
    return 2;
  }
  const missing = secretNames(pipeline).filter((name) => !process.env[secretEnvName(name)]);
  if (missing.length > 0) {
    printError(`missing secret${missing.length > 1 ? 's' : ''}: set ${missing.map(secretEnvName).join(', ')}; nothing ran`);
    return 2;
  }
  useInstalledSqliteAddon(scriptDir);
  // Load DuckDB (if a node passes tables) before the run, rather than inside its first tabular node.
  const duckDb = nodes.some((n) => [...n.inputs, ...n.outputs].some((p) => p.type === 'table')) ? loadDuckDb() : undefined;
  const runs = new RunService({
    registry: registryOf(nodes),
    dataDir: scriptDir,
    // In memory with --no-history: the run is recorded the same way, then forgotten.
    dbFile: values['no-history'] ? ':memory:' : path.join(scriptDir, 'history.sqlite'),
    keepRunsPerPipeline: 100,
  });
  try {
    await duckDb;
    const source = path.join(scriptDir, `${pipeline.id}.pipeline.json`);
    const outputDir = values['out-dir'] === undefined ? undefined : path.resolve(values['out-dir']);
    // The script's own package.json lists the packages its code nodes import: they come from its node_modules.
    return await follow(runs, values.json ?? false, () => runs.start({ pipeline, source, params, trigger: 'cli', concurrency, outputDir, packagesDir: scriptDir }));
  } finally {
    await runs.close();
  }
}

/**
 * The bundle holds better-sqlite3's JavaScript; its native addon is the one
 * npm installed next to the script, named directly (the bindings package
 * would search beside the bundle). An addon named by the environment wins.
 */
function useInstalledSqliteAddon(scriptDir: string): void {
  if (process.env.PIPEWRIGHT_SQLITE_BINDING) return;
  const addon = (packageDir: string) => path.join(packageDir, 'build', 'Release', 'better_sqlite3.node');
  // Where npm puts it, else wherever Node's resolution finds the package (a node_modules further up).
  const beside = addon(path.join(scriptDir, 'node_modules', 'better-sqlite3'));
  if (existsSync(beside)) {
    process.env.PIPEWRIGHT_SQLITE_BINDING = beside;
    return;
  }
  let manifest: string;
  try {
    manifest = createRequire(path.join(scriptDir, 'pipeline.mjs')).resolve('better-sqlite3/package.json');
  } catch {
    throw new Error(`better-sqlite3 is not installed in ${scriptDir}: run npm install there first`);
  }
  process.env.PIPEWRIGHT_SQLITE_BINDING = addon(path.dirname(manifest));
}

function usageError(message: string, pipeline: PipelineFile): number {
  printError(`${message}\n\n${scriptUsage(pipeline)}`);
  return 2;
}
