import { DuckDBInstance } from '@duckdb/node-api';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../node-library/contract';
import { csvPipeline, repoRoot, tempDir } from '../unit/helpers';
import { full, recordFigure, scale } from './figures';

const cli = path.join(repoRoot, 'dist/node/cli.js');
const rows = scale(300_000, 10_000_000);
const recordMb = scale(40, 100);
const rssBudgetMb = 1024;

/** Prints the process's peak RSS as it exits, however it exits: preloaded into the CLI run below. */
const maxRssReporter = path.join(repoRoot, 'test-results', 'max-rss.cjs');
const reportLine = /^max-rss-kb (\d+)$/m;

interface CliRun {
  code: number;
  events: RunEvent[];
  peakMb: number;
}

/** `pipewright run --json` as a user would run it, in its own process, with its peak RSS. */
async function runCli(dir: string, args: string[]): Promise<CliRun> {
  const result = await promisify(execFile)(process.execPath, ['--require', maxRssReporter, cli, 'run', 'p.pipeline.json', '--json', '--db', path.join(dir, 'history.sqlite'), ...args], {
    cwd: dir,
    maxBuffer: 256 * 2 ** 20,
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  const peakKb = Number(reportLine.exec(result.stderr)?.[1]);
  expect(peakKb, `peak RSS reported (stderr: ${result.stderr.slice(0, 400)})`).toBeGreaterThan(0);
  const events = result.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as RunEvent);
  return { code: result.code, events, peakMb: peakKb / 1024 };
}

async function duckdb(sql: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRows();
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

const sqlPath = (file: string) => `'${file.replaceAll("'", "''")}'`;

describe('big data', () => {
  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
    await writeFile(maxRssReporter, "process.on('exit', () => process.stderr.write(`\\nmax-rss-kb ${process.resourceUsage().maxRSS}\\n`));\n");
  });

  it(`streams a ${full ? '1 GB, ' : ''}${rows.toLocaleString('en')}-row CSV through read -> filter -> write in bounded memory, with previews and without`, async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'orders.csv');
    await duckdb(
      `COPY (SELECT 1000000 + i AS id, 'Customer number ' || (i % 50000) || ' of a long-named company' AS customer, round((i * 7919) % 100000 / 100.0, 2) AS amount,
        DATE '2026-01-01' + INTERVAL (i % 365) DAY AS ordered_at, md5(i::VARCHAR) AS note FROM range(${rows}) t(i)) TO ${sqlPath(input)} (HEADER)`,
    );
    await writeFile(path.join(dir, 'p.pipeline.json'), JSON.stringify(csvPipeline('orders.csv', 'out.csv')));
    const [[expected]] = await duckdb(`SELECT count(*) FROM read_csv(${sqlPath(input)}) WHERE amount > 100`);
    const sizeMb = (await stat(input)).size / 2 ** 20;

    for (const mode of ['previews', 'headless'] as const) {
      const run = await runCli(dir, mode === 'headless' ? ['--no-previews'] : []);
      const [[written]] = await duckdb(`SELECT count(*) FROM read_csv(${sqlPath(path.join(dir, 'out.csv'))})`);
      const ok = run.code === 0 && written === expected && run.peakMb < rssBudgetMb;
      recordFigure(`big data: ${sizeMb.toFixed(0)} MB CSV, ${mode}`, `peak RSS ${run.peakMb.toFixed(0)} MB (budget ${rssBudgetMb}); ${String(written)} of ${String(expected)} rows written`, ok);
      expect(run.code).toBe(0);
      expect(written).toBe(expected);
      expect(run.peakMb).toBeLessThan(rssBudgetMb);
    }
  });

  it.each([
    ['CSV', 'big.csv', (big: string) => `id,customer\n1,Ada\n2,${big}\n3,Alan\n`, { type: 'source.read_csv', params: { path: 'big.csv' } }],
    ['NDJSON', 'big.ndjson', (big: string) => `{"id":1,"customer":"Ada"}\n{"id":2,"customer":"${big}"}\n`, { type: 'source.read_json', params: { path: 'big.ndjson', format: 'newline_delimited' } }],
  ])(`a single ${recordMb} MB %s record fails its read with record_too_large, not out of memory`, async (kind, name, text, read) => {
    const dir = await tempDir();
    await writeFile(path.join(dir, name), text('x'.repeat(recordMb * 2 ** 20)));
    const pipeline = csvPipeline(name, 'out.csv', 'true');
    pipeline.nodes[0] = { id: 'read', version: 1, ...read };
    await writeFile(path.join(dir, 'p.pipeline.json'), JSON.stringify(pipeline));
    const run = await runCli(dir, []);
    const failed = run.events.find((e) => e.type === 'node:state' && e.state === 'failed');
    const error = failed?.type === 'node:state' ? failed.error : undefined;
    recordFigure(`bad data: one ${recordMb} MB ${kind} record`, `${error?.code ?? 'no error'}: ${error?.message.slice(0, 70) ?? ''}; peak RSS ${run.peakMb.toFixed(0)} MB`, error?.code === 'E_DATA_001');
    expect(run.code).toBe(1);
    expect(failed?.type === 'node:state' && failed.nodeId).toBe('read');
    expect(error).toMatchObject({ code: 'E_DATA_001', message: expect.stringMatching(new RegExp(`^${name.replace('.', '\\.')}: record_too_large: `)) });
    expect(run.peakMb).toBeLessThan(rssBudgetMb);
  });
});
