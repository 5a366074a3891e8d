import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The node-library sources the exporter bundles from: found by walking up
 * from this module, which is node-library/export/ when run from source and
 * dist/node/ when run from the built CLI of a checkout.
 */
export function librarySourceDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node-library');
    if (existsSync(path.join(candidate, 'export', 'runtime', 'run-exported.ts'))) return candidate;
    if (existsSync(path.join(dir, 'export', 'runtime', 'run-exported.ts'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the node-library sources above ${from}; export runs from a Pipewright checkout`);
  }
}

export interface NodeModuleRef {
  file: string;
  exportName: string;
}

const definition = /export const (\w+) = defineNode\(\{\s*type: '([^']+)'/;
/** Code node types are made by a factory: `export const codeTsNode = codeNodeType('ts', ...)` is type code.ts. */
const codeDefinition = /export const (\w+) = codeNodeType\('(\w+)'/;

/** Node type -> the file that defines it and the name it exports (one definition per *.node.ts file). */
export async function nodeModules(sourceDir: string): Promise<Map<string, NodeModuleRef>> {
  const nodesDir = path.join(sourceDir, 'nodes');
  const files = (await readdir(nodesDir, { recursive: true })).filter((f) => f.endsWith('.node.ts'));
  const byType = new Map<string, NodeModuleRef>();
  for (const relative of files) {
    const file = path.join(nodesDir, relative);
    const text = await readFile(file, 'utf8');
    const match = definition.exec(text);
    const code = codeDefinition.exec(text);
    if (match) byType.set(match[2], { file, exportName: match[1] });
    else if (code) byType.set(`code.${code[2]}`, { file, exportName: code[1] });
  }
  return byType;
}

/** The exact installed version of a package, for the exported package.json: the script was tested against it. */
export async function installedVersion(sourceDir: string, pkg: string): Promise<string> {
  for (let dir = sourceDir; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', pkg, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
    if (path.dirname(dir) === dir) throw new Error(`${pkg} is not installed above ${sourceDir}`);
  }
}
