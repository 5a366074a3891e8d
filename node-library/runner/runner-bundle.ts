import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
let entry: Promise<string> | undefined;

/**
 * The runner's entry file. Built code (dist/node, dist/electron, dist/bench)
 * finds dist/runner/runner.cjs, which build/build.mjs writes. Run from source
 * (tests), it is bundled on demand into a temp folder named after a hash of
 * the runner's sources, so a clean checkout needs no prior build.
 */
export function runnerEntry(): Promise<string> {
  entry ??= locate();
  return entry;
}

async function locate(): Promise<string> {
  const built = path.join(here, '../runner/runner.cjs');
  // An exported script (pipeline.mjs) keeps it in runner/ beside itself.
  const exported = path.join(here, 'runner', 'runner.cjs');
  if (existsSync(exported)) return exported;
  if (path.basename(path.dirname(here)) !== 'node-library') {
    if (existsSync(built)) return built;
    throw new Error(`the code runner ${built} is missing: run npm run build`);
  }
  const files = (await readdir(here)).filter((f) => f.endsWith('.ts')).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(path.join(here, file)));
  const outfile = path.join(os.tmpdir(), `pipewright-runner-${hash.digest('hex').slice(0, 16)}`, 'runner.cjs');
  if (existsSync(outfile)) return outfile;
  await mkdir(path.dirname(outfile), { recursive: true });
  const partial = `${outfile}.${process.pid}.tmp`;
  const { build } = await import('esbuild');
  await build({ ...runnerBuildOptions(path.join(here, 'runner-entry.ts')), outfile: partial });
  // Parallel test workers may build it at once; rename makes whichever finishes last win whole.
  await rename(partial, outfile);
  return outfile;
}

/** The runner bundled from its entry, as text: what an exported script ships in runner/runner.cjs. */
export async function runnerBundle(entryPoint: string): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({ ...runnerBuildOptions(entryPoint), write: false });
  return result.outputFiles[0].text;
}

/** esbuild options for the runner bundle; build/build.mjs mirrors them. */
function runnerBuildOptions(entryPoint: string): BuildOptions {
  return { entryPoints: [entryPoint], bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };
}
