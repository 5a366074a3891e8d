import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExamples, repoRoot, tempDir } from '../helpers';

const cli = path.join(repoRoot, 'dist/node/cli.js');

async function pipewright(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('pipewright test', () => {
  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does)`);
  });

  it('runs the pipelines that have expectations or a .test.json, a line per case and a summary, outputs kept out of the folder', async () => {
    const dir = await copyExamples();
    const result = await pipewright(dir, 'test');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('big-orders.pipeline.json\n  PASS  run succeeded\n  PASS  rows filter_big.out = 5\n  PASS  file out/big-orders.csv\n');
    expect(result.stdout).toContain('  PASS  check_orders › row_count_between\n');
    expect(result.stdout).toContain('  WARN  check_orders › valid email - 3 violations');
    expect(result.stdout).not.toContain('covid-monthly');
    expect(result.stdout).toMatch(/\nTests: 0 failed, 4 passed, 7 warnings, 11 total \(2 pipelines\) in [\d.]+ m?s\n$/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('fails on a violated fail expectation and a wrong row count, and writes a JUnit report CI can read', async () => {
    const dir = await copyExamples();
    const clean = path.join(dir, 'clean-orders.pipeline.json');
    const raw = JSON.parse(await readFile(clean, 'utf8'));
    raw.nodes[1].params.expectations[1].severity = 'fail';
    await writeFile(clean, JSON.stringify(raw));
    await writeFile(path.join(dir, 'big-orders.test.json'), JSON.stringify({ expect: { rows: { 'filter_big.out': 6 } } }));
    const report = path.join(dir, 'report.xml');
    const result = await pipewright(dir, 'test', 'big-orders.pipeline.json', clean, '--reporter', 'junit', '--output', report);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  FAIL  rows filter_big.out = 6 - 5 rows');
    expect(result.stdout).toContain('  FAIL  check_orders › not_null(customer) - 1 of 20 rows violate (expected no NULLs)\n');
    expect(result.stdout).toContain('Tests: 2 failed,');
    const xml = await readFile(report, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="pipewright" tests="\d+" failures="2" errors="0"/);
    expect(xml).toContain('<testcase classname="big-orders" name="rows filter_big.out = 6" time="');
    expect(xml).toContain('<failure message="5 rows">5 rows</failure>');
    expect(xml).toContain('<testcase classname="clean-orders" name="check_orders › not_null(customer)"');
  });

  it('prints JUnit on stdout with the text on stderr, and exits 2 when there is nothing to test', async () => {
    const dir = await copyExamples();
    const junit = await pipewright(dir, 'test', 'big-orders.test.json', '--reporter', 'junit');
    expect(junit.code).toBe(0);
    expect(junit.stdout).toMatch(/^<\?xml/);
    expect(junit.stdout).toContain('tests="3" failures="0"');
    expect(junit.stderr).toContain('Tests: 0 failed, 3 passed');
    expect((await pipewright(dir, 'test', await tempDir())).code).toBe(2);
    expect((await pipewright(dir, 'test', 'covid-monthly.pipeline.json')).stderr).toContain('no pipelines with expectation nodes or a .test.json');
    expect((await pipewright(dir, 'test', '--reporter', 'tap')).code).toBe(2);
  });
});
