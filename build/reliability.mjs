// npm run test:reliability: the reliability suite at full scale, then one table of its figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const figures = path.join(root, 'test-results', 'reliability.jsonl');
rmSync(figures, { force: true });
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', 'test/reliability', '--testTimeout', '900000'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PIPEWRIGHT_RELIABILITY: 'full' },
});
const rows = existsSync(figures) ? readFileSync(figures, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
const width = Math.max(4, ...rows.map((r) => r.test.length));
console.log(`\n${'test'.padEnd(width)}  result  figure`);
for (const r of rows) console.log(`${r.test.padEnd(width)}  ${r.pass ? 'pass  ' : 'FAIL  '}  ${r.figure}`);
process.exit(result.status ?? 1);
