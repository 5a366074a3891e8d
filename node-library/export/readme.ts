import type { PipelineFile } from '../contract';
import { scriptUsage } from './runtime/script-usage';

/** The exported folder's README: what it is, how to install and run it, and what it writes. */
export function exportReadme(pipeline: PipelineFile, what: { packages: string[]; declared: string[]; data: string[]; schedule: string[] }): string {
  const lines = [
    `# ${pipeline.name}`,
    '',
    pipeline.description || `The Pipewright pipeline ${pipeline.id}, exported as a headless script.`,
    '',
    'This folder runs the pipeline with plain Node.js (20.19 or newer), the same engine the Pipewright app runs.',
    `\`pipeline.mjs\` holds the engine, the node types the pipeline uses and the pipeline; \`package.json\` lists only the native packages it needs (${what.packages.join(', ')})${what.declared.length ? `, and the npm packages its code nodes import (${what.declared.join(', ')}), which they load from this folder's node_modules` : ''}.`,
    '',
    '## Run',
    '',
    '```sh',
    'npm install',
    'node pipeline.mjs                      # progress lines; exit 0 succeeded, 1 failed, 2 invalid parameters or missing secret',
    'node pipeline.mjs --json               # one JSON event per line',
    'node pipeline.mjs --param name=value --out-dir out',
    '```',
    '',
    'Relative input paths are read from this folder; relative output paths are written to it too, or to `--out-dir`.',
    'Each run is recorded in `history.sqlite` next to the script unless `--no-history` (the last 100 runs are kept).',
    'The first run keeps the compiled engine in `.pipeline.cache` (V8\'s code cache) so later starts skip compiling it; delete it at will, it is written again.',
    'Secrets are read from environment variables named `PIPEWRIGHT_SECRET_<NAME>`; the script holds none, and a missing one stops it before anything runs.',
    '',
    '## Options',
    '',
    '```',
    scriptUsage(pipeline),
    '```',
  ];
  if (what.data.length) lines.push('', '## Sample data', '', 'Copied from the pipeline\'s folder:', '', ...what.data.map((f) => `- \`${f}\``));
  if (what.schedule.length) {
    lines.push('', '## Schedule', '', 'Generated from the cron expression given at export; replace `/path/to/export` with this folder:', '', ...what.schedule.map((f) => `- \`${f}\``));
  }
  return `${lines.join('\n')}\n`;
}
