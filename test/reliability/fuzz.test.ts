import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { examplesDir, repoRoot } from '../unit/helpers';
import { recordFigure, scale } from './figures';
import { fuzz, readExamples, type FuzzSummary } from './fuzz-cases';

const cases = scale(400, 10_000);
const hugeMb = scale(8, 100);

function report(label: string, s: FuzzSummary): void {
  recordFigure(
    `fuzz: malformed pipelines${label}`,
    `${s.structured}/${s.cases} structured errors or valid, ${s.crashes.length} crashes, ${s.filesWritten} files written, p99 ${s.p99Ms.toFixed(1)} ms (<= 5 MB), max ${s.maxMs.toFixed(0)} ms`,
    s.crashes.length === 0 && s.structured === s.cases && s.filesWritten === 0 && s.p99Ms < 200,
  );
}

describe('malformed pipeline files', () => {
  it(`returns a structured error for every one of ${cases} generated files, writing nothing`, async () => {
    let unhandled = 0;
    const count = () => unhandled++;
    process.on('unhandledRejection', count);
    const summary = await fuzz(cases, hugeMb, readExamples(examplesDir));
    process.off('unhandledRejection', count);
    report('', summary);
    expect(summary.crashes).toEqual([]);
    expect(summary.structured).toBe(summary.cases);
    expect(summary.filesWritten).toBe(0);
    expect(unhandled).toBe(0);
  });

  it('does the same with code generation from strings disallowed', async () => {
    // Bundled first (packages stay in node_modules): tsx would take the nodes' *.node.ts files for native addons.
    const child = path.join(repoRoot, 'test-results', 'fuzz-child.mjs');
    await build({ entryPoints: [path.join(repoRoot, 'test/reliability/fuzz-child.ts')], outfile: child, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'warning' });
    const { stdout } = await promisify(execFile)(process.execPath, ['--disallow-code-generation-from-strings', child, String(cases), String(hugeMb), examplesDir], {
      cwd: repoRoot,
      maxBuffer: 2 ** 24,
    });
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as FuzzSummary & { unhandled: number };
    report(' (no eval)', summary);
    expect(summary.crashes).toEqual([]);
    expect(summary.structured).toBe(summary.cases);
    expect(summary.unhandled).toBe(0);
  });
});
