import { describe, expect, it } from 'vitest';
import type { NodeRunRecord, PipelineFile, RunDetail, RunEvent } from '../../../node-library/contract';
import { categories, histogram } from '../../../renderer/runs/chart-data';
import { compareRuns, nodeOutcomes, paramDifferences } from '../../../renderer/runs/compare-runs';
import { errorLine } from '../../../renderer/runs/error-line';
import { filterLogs, logLevels, logsAsText } from '../../../renderer/runs/log-filter';
import { isNumericType, viewRows } from '../../../renderer/runs/preview-rows';
import { replayRun } from '../../../renderer/runs/replay-run';
import { buildTimeline, criticalPath, maxItemRows } from '../../../renderer/timeline/timeline-rows';

const pipeline: PipelineFile = {
  format: 'pipewright/pipeline@1',
  id: 'p',
  name: 'P',
  description: '',
  params: {},
  nodes: [
    { id: 'a', type: 'util.noop', version: 1, params: {} },
    { id: 'b', type: 'util.noop', version: 1, params: {} },
    { id: 'c', type: 'util.noop', version: 1, params: {} },
    { id: 'd', type: 'util.noop', version: 1, params: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'a', port: 'out' }, to: { node: 'c', port: 'in' } },
    { id: 'e2', from: { node: 'b', port: 'out' }, to: { node: 'c', port: 'in' } },
    { id: 'e3', from: { node: 'c', port: 'out' }, to: { node: 'd', port: 'in' } },
  ],
  layout: {},
} as PipelineFile;

const record = (nodeId: string, attempt: number, state: NodeRunRecord['state'], startedAt: number, finishedAt: number, extra: Partial<NodeRunRecord> = {}): NodeRunRecord => ({
  runId: 'r1',
  nodeId,
  attempt,
  state,
  startedAt,
  finishedAt,
  cached: false,
  ...extra,
});

function detail(nodeRuns: NodeRunRecord[], params: Record<string, string | number | boolean> = {}, runId = 'r1'): RunDetail {
  return {
    run: { runId, pipelineId: 'p', pipelineName: 'P', state: 'failed', trigger: 'manual', params, startedAt: 0, finishedAt: 100 },
    pipeline,
    nodeRuns,
  };
}

describe('timeline', () => {
  const run = detail([
    record('a', 1, 'succeeded', 5, 40, { rowsOut: 10 }),
    record('b', 1, 'retrying', 5, 10, { error: { code: 'E_NODE_001', message: 'flaky' } }),
    record('b', 2, 'succeeded', 30, 60, { rowsOut: 3 }),
    record('c', 1, 'failed', 60, 70),
    record('d', 0, 'skipped', 70, 70),
    ...Array.from({ length: maxItemRows + 5 }, (_, i) => record('c', 1, 'succeeded', 61, 65, { item: i })),
  ]);
  const events: RunEvent[] = [{ type: 'node:state', runId: 'r1', at: 1, nodeId: 'a', state: 'queued' }];

  it('draws one row per node, with its wait, each attempt and the back-off between retries', () => {
    const timeline = buildTimeline(run, events);
    const nodeRows = timeline.rows.filter((r) => r.item === undefined);
    expect(nodeRows.map((r) => r.nodeId)).toEqual(['a', 'b', 'c', 'd']);
    expect(nodeRows[0].bars.map((b) => [b.kind, b.start, b.end])).toEqual([
      ['wait', 1, 5],
      ['attempt', 5, 40],
    ]);
    expect(nodeRows[1].bars.map((b) => [b.kind, b.state, b.attempt])).toEqual([
      ['attempt', 'retrying', 1],
      ['wait', 'retrying', 2],
      ['attempt', 'succeeded', 2],
    ]);
    expect(nodeRows[1].bars[0].error).toBe('flaky');
  });

  it('groups mapped items under their node and counts the ones it does not draw', () => {
    const timeline = buildTimeline(run, events);
    const items = timeline.rows.filter((r) => r.item !== undefined);
    expect(items).toHaveLength(maxItemRows);
    expect(timeline.rows.indexOf(items[0])).toBe(timeline.rows.findIndex((r) => r.nodeId === 'c' && r.item === undefined) + 1);
    expect(timeline.hiddenItems).toEqual({ c: 5 });
  });

  it('marks the critical path: back from the last node through the upstream that finished last', () => {
    expect(buildTimeline(run, events).criticalPath).toEqual(['b', 'c', 'd']);
    expect(criticalPath(pipeline.edges, new Map([['a', 50], ['b', 20], ['c', 60]]))).toEqual(['a', 'c']);
  });
});

describe('compare', () => {
  it('puts each node of two runs side by side and names the params that differ', () => {
    const a = detail([record('a', 1, 'succeeded', 0, 10, { rowsOut: 10 }), record('c', 1, 'failed', 10, 15)], { country: 'GB', limit: 5 });
    const b = detail([record('a', 0, 'succeeded', 0, 0, { cached: true }), record('c', 1, 'retrying', 0, 5), record('c', 2, 'succeeded', 10, 30, { rowsOut: 4 })], { country: 'US', limit: 5 }, 'r2');
    const rows = compareRuns(a, b);
    expect(rows.map((r) => r.nodeId)).toEqual(['a', 'b', 'c', 'd']);
    expect(rows[2].a).toMatchObject({ state: 'failed', durationMs: 5, attempts: 1 });
    expect(rows[2].b).toMatchObject({ state: 'succeeded', durationMs: 30, rowsOut: 4, attempts: 2 });
    expect(rows[0].b).toMatchObject({ cached: true, attempts: 0 });
    expect(rows[1].a).toBeUndefined();
    expect(paramDifferences(a.run.params, b.run.params)).toEqual([{ name: 'country', a: 'GB', b: 'US' }]);
    expect(nodeOutcomes(a).get('a')?.rowsOut).toBe(10);
  });
});

describe('replaying a stored run', () => {
  it('gives the states, errors, reasons, previews and every log line the live view had', () => {
    const at = 1;
    const events: RunEvent[] = [
      { type: 'run:start', runId: 'r1', at, pipelineId: 'p', nodeIds: ['a', 'c', 'd'], params: {}, trigger: 'manual' },
      { type: 'node:state', runId: 'r1', at, nodeId: 'a', state: 'running' },
      ...Array.from({ length: 5000 }, (_, i): RunEvent => ({ type: 'node:log', runId: 'r1', at, nodeId: 'a', level: 'info', message: `line ${i}` })),
      { type: 'node:preview', runId: 'r1', at, nodeId: 'a', port: 'out', columns: [{ name: 'x', type: 'INTEGER' }], rows: [[1], [2]], totalRows: 2 },
      { type: 'node:state', runId: 'r1', at, nodeId: 'a', state: 'succeeded', durationMs: 4 },
      { type: 'node:state', runId: 'r1', at, nodeId: 'c', state: 'failed', error: { code: 'E_NODE_001', message: 'boom', stack: 'at user-code.js:7:3' } },
      { type: 'node:state', runId: 'r1', at, nodeId: 'd', state: 'skipped', reason: 'upstream c failed' },
      { type: 'run:finish', runId: 'r1', at, state: 'failed' },
    ];
    const past = replayRun(detail([]), events);
    expect(past.nodeStates).toEqual({ a: 'succeeded', c: 'failed', d: 'skipped' });
    expect(past.logs.a).toHaveLength(5000);
    expect(past.previews.a.out).toMatchObject({ rows: [[1], [2]], totalRows: 2 });
    expect(past.nodeDetails.c.error?.message).toBe('boom');
    expect(past.nodeDetails.d.reason).toBe('upstream c failed');
    expect(past.runStatus).toBe('failed');
  });
});

describe('panel helpers', () => {
  it('finds the user line of an error: a code frame, else a SQL LINE', () => {
    expect(errorLine({ message: 'x', stack: 'Error: x\n    at run (user-code.js:12:5)' })).toBe(12);
    expect(errorLine({ message: 'Binder Error: no column\n\nLINE 3: SELECT nope' })).toBe(3);
    expect(errorLine({ message: 'it broke' })).toBeNull();
  });

  it('filters log lines by level and text, and copies them as text', () => {
    const lines = [
      { at: 0, level: 'info' as const, message: 'Read 10 rows' },
      { at: 0, level: 'warn' as const, message: 'slow source' },
      { at: 0, level: 'error' as const, message: 'row 3 is bad' },
    ];
    expect(filterLogs(lines, new Set(logLevels), '')).toBe(lines);
    expect(filterLogs(lines, new Set(['warn', 'error']), '').map((l) => l.level)).toEqual(['warn', 'error']);
    expect(filterLogs(lines, new Set(logLevels), 'ROWS').map((l) => l.message)).toEqual(['Read 10 rows']);
    expect(logsAsText(lines.slice(1, 2))).toMatch(/ WARN {2}slow source$/);
  });

  it('sorts (numbers as numbers, NULL last) and filters preview rows', () => {
    const rows = [[9, 'b'], [10, null], [1, 'a']];
    expect(viewRows(rows, { sortColumn: 0, descending: false, filter: '' }).map((r) => r[0])).toEqual([1, 9, 10]);
    expect(viewRows(rows, { sortColumn: 1, descending: false, filter: '' }).map((r) => r[1])).toEqual(['a', 'b', null]);
    expect(viewRows(rows, { sortColumn: null, descending: false, filter: 'B' })).toEqual([[9, 'b']]);
    expect(isNumericType('DECIMAL(18,3)')).toBe(true);
    expect(isNumericType('VARCHAR')).toBe(false);
  });

  it('bins numbers for a histogram and counts categories', () => {
    const bins = histogram([1, 2, 3, 4, 10], 3);
    expect(bins.map((b) => b.count)).toEqual([3, 1, 1]); // [1,4) [4,7) [7,10]
    expect(categories(['GB', 'US', 'US', null], 1)).toEqual([
      { label: 'US', count: 2 },
      { label: 'other', count: 2 },
    ]);
  });
});
