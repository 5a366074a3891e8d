import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** How far the inspector's file suggestions look: deep enough for data/<year>/x.csv, bounded for a folder that holds a whole disk. */
const maxDepth = 4;
const maxFolders = 500;
export const maxDataFiles = 200;

/** Folders no pipeline reads its data from: the app's own, npm's, version control's. */
const skipped = new Set(['node_modules', '.git', '.pipewright', '.pipewright-data']);

/**
 * The files under `dir` whose names end in one of `extensions` (case
 * ignored; all files when none are given), as paths relative to `dir` with
 * `/` separators, sorted: what a path param of a pipeline in `dir` can name.
 * Hidden folders and node_modules are left out; at most maxDataFiles.
 */
export async function listDataFiles(dir: string, extensions: readonly string[]): Promise<string[]> {
  const wanted = extensions.map((e) => e.toLowerCase());
  const found: string[] = [];
  let folders = 0;
  const walk = async (relative: string, depth: number): Promise<void> => {
    if (++folders > maxFolders) return;
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isFile() && (wanted.length === 0 || wanted.some((e) => entry.name.toLowerCase().endsWith(e)))) found.push(name);
      else if (entry.isDirectory() && depth < maxDepth && !skipped.has(entry.name) && !entry.name.startsWith('.')) await walk(name, depth + 1);
      if (found.length >= maxDataFiles) return;
    }
  };
  await walk('', 1);
  return found.slice(0, maxDataFiles).sort();
}
