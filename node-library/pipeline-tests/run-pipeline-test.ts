import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PipelineFile, RunEvent } from '../contract';
import { localHost } from '../engine/host';
import { runPipeline } from '../engine/run-pipeline';
import { formatProblems, loadPipelineFile } from '../model/load';
import { resolveRunParams } from '../model/params';
import type { NodeRegistry } from '../nodes/registry-of';
import { readSidecar, type PipelineTestTarget, type Sidecar } from './find-tests';
import type { SuiteResult, TestCase } from './test-case';

interface Outcome {
  name: string;
  severity: 'fail' | 'warn';
  passed: boolean;
  violations: number;
  expected: string;
}

const expectType = 'quality.expect';

/**
 * Runs one pipeline headless, with its outputs in a temp folder so a test
 * never overwrites real outputs, and reports each expectation, row count and
 * file as a test case. Undefined when the pipeline has nothing to test.
 */
export async function runPipelineTest(target: PipelineTestTarget, registry: NodeRegistry): Promise<SuiteResult | undefined> {
  const started = performance.now();
  const name = path.basename(target.pipelineFile);
  const result = (suite: string, cases: Omit<TestCase, 'suite' | 'durationMs'>[]): SuiteResult => {
    const durationMs = performance.now() - started;
    return { suite, file: target.pipelineFile, durationMs, cases: cases.map((c) => ({ suite, durationMs: cases.length ? durationMs / cases.length : 0, ...c })) };
  };
  const loaded = await loadPipelineFile(target.pipelineFile, registry);
  if (!loaded.ok) return result(name, [{ name: 'pipeline is valid', status: 'failed', message: formatProblems(loaded.problems) }]);
  const pipeline = loaded.pipeline;
  let sidecar: Sidecar | undefined;
  try {
    sidecar = target.sidecarFile ? await readSidecar(target.sidecarFile) : undefined;
  } catch (error) {
    return result(pipeline.id, [{ name: 'test file is valid', status: 'failed', message: (error as Error).message }]);
  }
  const expectNodes = pipeline.nodes.filter((n) => n.type === expectType);
  if (!sidecar && expectNodes.length === 0) return undefined;
  const params = resolveRunParams(pipeline.params, sidecar?.params);
  if (!params.ok) return result(pipeline.id, [{ name: 'parameters', status: 'failed', message: params.problems.join('; ') }]);

  const outputDir = await mkdtemp(path.join(os.tmpdir(), 'pipewright-test-'));
  try {
    const events: RunEvent[] = [];
    const reports = new Map<string, { expectations: Outcome[] }>();
    const state = await runPipeline(pipeline, {
      runId: `test_${pipeline.id}`,
      registry,
      host: localHost(path.dirname(target.pipelineFile), { outputDir }),
      params: params.values,
      trigger: 'cli',
      onEvent: (e) => events.push(e),
      onOutputs: (nodeId, outputs) => {
        if (expectNodes.some((n) => n.id === nodeId)) reports.set(nodeId, outputs.report as { expectations: Outcome[] });
      },
    });
    const cases = [
      ...expectNodes.flatMap((n) => expectationCases(n.id, reports.get(n.id), events)),
      ...nodeFailures(pipeline, events, sidecar?.expect.state === 'failed'),
      ...(sidecar ? await sidecarCases(sidecar, target.sidecarFile!, state, events, outputDir) : []),
    ];
    return result(pipeline.id, cases);
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
}

/** From the node's report when it succeeded, else from its log lines (a fail expectation stops the node before it reports). */
function expectationCases(nodeId: string, report: { expectations: Outcome[] } | undefined, events: RunEvent[]): Omit<TestCase, 'suite' | 'durationMs'>[] {
  if (report) {
    return report.expectations.map((o) => ({
      name: `${nodeId} › ${o.name}`,
      status: o.passed ? 'passed' : o.severity === 'fail' ? 'failed' : 'warning',
      message: o.passed ? undefined : `${o.violations} violations (expected ${o.expected})`,
    }));
  }
  const lines = events.flatMap((e) => (e.type === 'node:log' && e.nodeId === nodeId ? [/^(.+) \[(fail|warn)\]: (.*)$/.exec(e.message)] : [])).filter((m) => m !== null);
  if (lines.length === 0) return [{ name: nodeId, status: 'failed', message: stateMessage(nodeId, events) }];
  return lines.map(([, name, severity, text]) => {
    const passed = text.startsWith('passed');
    return { name: `${nodeId} › ${name}`, status: passed ? 'passed' : severity === 'fail' ? 'failed' : 'warning', message: passed ? undefined : text.replace(/; e\.g\. .*$/s, '') };
  });
}

/** Nodes other than expectations that failed: each is a failed case, unless the test expects the run to fail. */
function nodeFailures(pipeline: PipelineFile, events: RunEvent[], failureExpected: boolean): Omit<TestCase, 'suite' | 'durationMs'>[] {
  if (failureExpected) return [];
  const failed = new Set(events.flatMap((e) => (e.type === 'node:state' && e.state === 'failed' ? [e.nodeId] : [])));
  return pipeline.nodes.filter((n) => n.type !== expectType && failed.has(n.id)).map((n) => ({ name: `${n.id} runs`, status: 'failed' as const, message: stateMessage(n.id, events) }));
}

async function sidecarCases(sidecar: Sidecar, sidecarFile: string, state: string, events: RunEvent[], outputDir: string): Promise<Omit<TestCase, 'suite' | 'durationMs'>[]> {
  const cases: Omit<TestCase, 'suite' | 'durationMs'>[] = [];
  const wanted = sidecar.expect.state ?? 'succeeded';
  const finish = events.find((e) => e.type === 'run:finish');
  const error = finish?.type === 'run:finish' ? finish.error?.message : undefined;
  cases.push({ name: `run ${wanted}`, status: state === wanted ? 'passed' : 'failed', message: state === wanted ? undefined : `the run ${state}${error ? `: ${error}` : ''}` });
  const rows = new Map<string, number>(events.flatMap((e) => (e.type === 'node:preview' ? [[`${e.nodeId}.${e.port}`, e.totalRows] as [string, number]] : [])));
  for (const [output, count] of Object.entries(sidecar.expect.rows ?? {})) {
    const actual = rows.get(output);
    cases.push({ name: `rows ${output} = ${count}`, status: actual === count ? 'passed' : 'failed', message: actual === count ? undefined : actual === undefined ? `${output} produced no rows (no such output, or it did not run)` : `${actual} rows` });
  }
  for (const [output, expectedFile] of Object.entries(sidecar.expect.files ?? {})) {
    const [actual, expected] = await Promise.all([readFile(path.resolve(outputDir, output)).catch(() => undefined), readFile(path.resolve(path.dirname(sidecarFile), expectedFile)).catch(() => undefined)]);
    const same = actual !== undefined && expected !== undefined && actual.equals(expected);
    const why = actual === undefined ? `${output} was not written` : expected === undefined ? `${expectedFile} does not exist` : `${output} differs from ${expectedFile}`;
    cases.push({ name: `file ${output}`, status: same ? 'passed' : 'failed', message: same ? undefined : why });
  }
  return cases;
}

function stateMessage(nodeId: string, events: RunEvent[]): string {
  const last = events.findLast((e) => e.type === 'node:state' && e.nodeId === nodeId && e.item === undefined);
  if (last?.type !== 'node:state') return 'did not run';
  return `${last.state}${last.error ? `: ${last.error.message}` : last.reason ? ` (${last.reason})` : ''}`;
}
