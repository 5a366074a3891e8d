// Builds every ring into dist/: the renderer with Vite, node-library and electron with esbuild.
// `--if-stale` skips the build when nothing under the source folders changed since the last one.
import { build as esbuild } from 'esbuild';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.build-stamp');
const sources = ['node-library', 'renderer', 'electron', 'build', 'package.json', 'vite.config.ts'];

async function newestSourceTime() {
  let newest = 0;
  const visit = async (p) => {
    const s = await stat(p).catch(() => undefined);
    if (!s) return;
    if (s.isDirectory()) for (const name of await readdir(p)) await visit(path.join(p, name));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const source of sources) await visit(path.join(root, source));
  return newest;
}

if (process.argv.includes('--if-stale')) {
  const built = (await stat(stamp).catch(() => undefined))?.mtimeMs ?? 0;
  if (built >= (await newestSourceTime())) process.exit(0);
}

const started = Date.now();
// Always a production build: Vite takes NODE_ENV from the environment, and vitest (which sets it
// to "test") builds dist/ for the tests that need it: that shipped React's development build.
process.env.NODE_ENV = 'production';
const node = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  // Split at dynamic imports, so what only code nodes need (apache-arrow) loads when one runs, not at every CLI start.
  esbuild({ ...node, entryPoints: [path.join(root, 'node-library/cli.ts')], outdir: path.join(root, 'dist/node'), splitting: true, format: 'esm' }),
  esbuild({ ...node, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(root, 'dist/electron/main.mjs'), format: 'esm' }),
  // The backend's utilityProcess: engine, store and runs, off the main process.
  esbuild({ ...node, entryPoints: [path.join(root, 'electron/backend-process.ts')], outfile: path.join(root, 'dist/electron/backend-process.mjs'), format: 'esm' }),
  // The code runner: one CommonJS file with apache-arrow inside, so the permission model lets it read just itself.
  esbuild({ ...node, packages: undefined, sourcemap: false, entryPoints: [path.join(root, 'node-library/runner/runner-entry.ts')], outfile: path.join(root, 'dist/runner/runner.cjs'), format: 'cjs' }),
  // A sandboxed preload cannot load modules: one CommonJS file with only `electron` external.
  esbuild({ ...node, packages: undefined, external: ['electron'], entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(root, 'dist/electron/preload.cjs'), format: 'cjs' }),
  viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' }),
]);
await writeFile(stamp, new Date().toISOString());
console.log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
