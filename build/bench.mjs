// npm run bench: bundles each test/bench/*.bench.ts with esbuild and runs it with plain node.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'test/bench');
const only = process.argv[2];
// Code-node benches find the runner next to their bundle, in dist/runner/ (as the built app does).
await build({ entryPoints: [path.join(root, 'node-library/runner/runner-entry.ts')], outfile: path.join(root, 'dist/runner/runner.cjs'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
for (const name of readdirSync(benchDir).filter((n) => n.endsWith('.bench.ts') && (!only || n.includes(only)))) {
  const outfile = path.join(root, 'dist/bench', name.replace(/\.ts$/, '.mjs'));
  await build({ entryPoints: [path.join(benchDir, name)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
  console.log(`\n== ${name}`);
  execFileSync(process.execPath, [outfile], { stdio: 'inherit', cwd: root });
}
