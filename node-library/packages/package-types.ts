import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Dependencies, PackageTypes } from '../contract';

/** Beyond these a package's declarations are left out (it imports as `any`): the editor's worker holds them all. */
const maxFilesPerPackage = 2000;
const maxBytesPerPackage = 8 * 2 ** 20;

const declarationFile = /\.d\.(ts|mts|cts)$/;

/**
 * The declarations of the declared packages installed in `dir`: a package's
 * own `.d.ts` files, else its DefinitelyTyped `@types/...` package, each with
 * its package.json so the editor resolves the import as Node would.
 */
export async function packageTypes(dir: string, declared: Dependencies | undefined): Promise<PackageTypes> {
  const result: PackageTypes = { files: [], typed: [] };
  for (const name of Object.keys(declared ?? {}).sort()) {
    for (const folder of [name, typesPackage(name)]) {
      const files = await declarationsOf(path.join(dir, 'node_modules', folder), `node_modules/${folder}`);
      if (!files) continue;
      result.files.push(...files);
      result.typed.push(name);
      break;
    }
  }
  return result;
}

/** DefinitelyTyped's name for a package: `@types/lodash`, `@types/scope__pkg` for `@scope/pkg`. */
function typesPackage(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}

/** The package.json and declaration files of one installed package, or undefined when it has none (or too many). */
async function declarationsOf(folder: string, prefix: string): Promise<PackageTypes['files'] | undefined> {
  let manifest: string;
  try {
    manifest = await readFile(path.join(folder, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  const found: string[] = [];
  // Nested node_modules are other packages; they are not followed.
  const walk = async (relative: string): Promise<boolean> => {
    const entries = await readdir(path.join(folder, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== 'node_modules' && !(await walk(child))) return false;
      if (entry.isFile() && declarationFile.test(entry.name)) found.push(child);
      if (found.length > maxFilesPerPackage) return false;
    }
    return true;
  };
  if (!(await walk('')) || found.length === 0) return undefined;
  let bytes = 0;
  for (const file of found) bytes += (await stat(path.join(folder, file))).size;
  if (bytes > maxBytesPerPackage) return undefined;
  const files = [{ path: `${prefix}/package.json`, text: manifest }];
  for (const file of found.sort()) files.push({ path: `${prefix}/${file}`, text: await readFile(path.join(folder, file), 'utf8') });
  return files;
}
