import { readFile, writeFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../node-library/contract';
import { RunService } from '../../../node-library/backend/run-service';
import { csvPipeline, ordersCsv, tempDir, writeTempFile } from '../helpers';
import { collected, graph, testRegistry } from '../engine/test-nodes';

const services: RunService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
  collected.length = 0;
});

async function service(dataDir?: string) {
  const runs = new RunService({ registry: testRegistry, dataDir: dataDir ?? (await tempDir()) });
  services.push(runs);
  return runs;
}

const nodeStates = (events: RunEvent[]) =>
  Object.fromEntries(events.flatMap((e) => (e.type === 'node:state' && e.item === undefined ? [[e.nodeId, e.state]] : [])));

describe('run service on a real SQLite history', () => {
  it('records every event so a late subscriber can replay the run', async () => {
    const runs = await service();
    const live: RunEvent[] = [];
    runs.onEvent((e) => live.push(e));
    const { runId, done } = runs.start({ pipeline: graph([{ id: 'a', type: 'test.list', params: { count: 2 } }]), source: 'p.json', trigger: 'cli' });
    expect(await done).toBe('succeeded');
    expect(runs.store.runEvents(runId)).toEqual(live);
    expect(runs.store.listRuns({})[0]).toMatchObject({ runId, state: 'succeeded', trigger: 'cli', pipelineId: 'engine-test' });
  });

  it('refuses bad parameter values before anything runs, naming each', async () => {
    const runs = await service();
    const pipeline = graph([{ id: 'items', type: 'test.list', params: { count: { $param: 'n' } } }], [], { params: { n: { type: 'number' }, mode: { type: 'string', default: 'a' } } });
    expect(() => runs.start({ pipeline, source: 'p.json', trigger: 'cli', params: { n: 'many', colour: 'red' } })).toThrow(
      'invalid run parameters:\n- unknown parameter colour; declared: n, mode\n- parameter n must be a number, got "many"',
    );
    expect(() => runs.start({ pipeline, source: 'p.json', trigger: 'cli' })).toThrow('parameter n has no default; give it a number value');
    expect(runs.store.listRuns({})).toEqual([]);
  });

  it('runs the same pipeline twice at once with different params and different outputs', async () => {
    const dir = await tempDir();
    await writeTempFile(dir, 'orders.csv', ordersCsv);
    const pipeline = csvPipeline('orders.csv', 'placeholder.csv');
    pipeline.nodes[1].params = { condition: { $param: 'condition' } };
    pipeline.nodes[2].params = { path: { $param: 'out' } };
    pipeline.params = { out: { type: 'string' }, condition: { type: 'string' } };
    const runs = await service();
    const source = path.join(dir, 'p.pipeline.json');
    const low = runs.start({ pipeline, source, trigger: 'manual', params: { out: 'low.csv', condition: 'amount > 50' } });
    const high = runs.start({ pipeline, source, trigger: 'manual', params: { out: 'high.csv', condition: 'amount > 500' } });
    expect(await Promise.all([low.done, high.done])).toEqual(['succeeded', 'succeeded']);
    expect((await readFile(path.join(dir, 'low.csv'), 'utf8')).trim().split('\n')).toHaveLength(5);
    expect((await readFile(path.join(dir, 'high.csv'), 'utf8')).trim().split('\n')).toEqual(['id,customer,amount', '3,Alan,1200.0']);
    expect(runs.store.listRuns({}).map((r) => r.params.out).sort()).toEqual(['high.csv', 'low.csv']);
  });

  it('resumes a failed run: reuses what succeeded, re-runs only what failed or was skipped', async () => {
    const runs = await service();
    const source = path.join(await tempDir(), 'p.pipeline.json');
    const pipeline = graph(
      [
        { id: 'items', type: 'test.list', params: { count: 3 } },
        { id: 'first', type: 'test.collect', params: { tag: 'first' } },
        { id: 'load', type: 'test.flaky', params: { succeedOnAttempt: 2 } },
        { id: 'last', type: 'test.collect', params: { tag: 'last' } },
      ],
      ['items->first', 'first->load', 'load->last'],
    );
    const failed = runs.start({ pipeline, source, trigger: 'manual' });
    expect(await failed.done).toBe('failed');
    expect(collected.map((c) => c.nodeId)).toEqual(['first']);

    // The user fixes the failing node, then resumes: only load and last run again.
    const fixed = { ...pipeline, nodes: pipeline.nodes.map((n) => (n.id === 'load' ? { ...n, params: { succeedOnAttempt: 1 } } : n)) };
    const resumed = runs.resume(failed.runId, { pipeline: fixed, source });
    expect(await resumed.done).toBe('succeeded');
    expect(collected.map((c) => c.nodeId)).toEqual(['first', 'last']);
    expect(collected[1].value).toEqual([1, 2, 3]);
    const events = runs.store.runEvents(resumed.runId);
    expect(events[0]).toMatchObject({ type: 'run:start', resumedFrom: failed.runId });
    expect(events).toContainEqual(expect.objectContaining({ type: 'node:state', nodeId: 'first', state: 'succeeded', reused: failed.runId }));
    expect(nodeStates(events)).toEqual({ items: 'succeeded', first: 'succeeded', load: 'succeeded', last: 'succeeded' });
    expect(() => runs.resume(resumed.runId)).toThrow(`run ${resumed.runId} succeeded; there is nothing to resume`);
  });

  it('on resume, re-runs a node whose table was loaded into the failed run only (SQLite rows), reuses the rest', async () => {
    const dir = await tempDir();
    const db = new Database(path.join(dir, 'shop.sqlite'));
    db.exec("CREATE TABLE orders (id INTEGER, amount REAL); INSERT INTO orders VALUES (1, 5), (2, 500);");
    db.close();
    const source = path.join(dir, 'p.pipeline.json');
    const pipeline = graph(
      [
        { id: 'orders', type: 'source.sqlite', params: { path: 'shop.sqlite', query: 'SELECT * FROM orders' } },
        { id: 'big', type: 'transform.filter', params: { condition: 'amount > 100' } },
        { id: 'load', type: 'test.flaky', params: { succeedOnAttempt: 2 } },
      ],
      ['orders->big', 'big->load'],
    );
    const runs = await service();
    const failed = runs.start({ pipeline, source, trigger: 'manual' });
    expect(await failed.done).toBe('failed');
    const fixed = { ...pipeline, nodes: pipeline.nodes.map((n) => (n.id === 'load' ? { ...n, params: { succeedOnAttempt: 1 } } : n)) };
    const resumed = runs.resume(failed.runId, { pipeline: fixed, source });
    expect(await resumed.done).toBe('succeeded');
    const states = runs.store.runEvents(resumed.runId).filter((e) => e.type === 'node:state');
    expect(states.filter((e) => e.nodeId === 'orders').map((e) => e.state)).toEqual(['running', 'succeeded']);
    expect(runs.store.runEvents(resumed.runId)).toContainEqual(expect.objectContaining({ type: 'node:preview', nodeId: 'big', totalRows: 1 }));
  });

  it('runs one node on the stored outputs of its upstream, or runs upstream when none are stored', async () => {
    const runs = await service();
    const source = path.join(await tempDir(), 'p.pipeline.json');
    const pipeline = graph(
      [{ id: 'items', type: 'test.list', params: { count: 2 } }, { id: 'mid', type: 'test.collect', params: { tag: 'mid' } }, { id: 'end', type: 'test.collect', params: { tag: 'end' } }],
      ['items->mid', 'mid->end'],
    );
    const only = runs.start({ pipeline, source, trigger: 'manual', partial: { mode: 'node', nodeId: 'end' } });
    expect(await only.done).toBe('succeeded');
    expect(collected.map((c) => c.nodeId)).toEqual(['mid', 'end']);

    collected.length = 0;
    const again = runs.start({ pipeline, source, trigger: 'manual', partial: { mode: 'node', nodeId: 'end' } });
    expect(await again.done).toBe('succeeded');
    expect(collected.map((c) => c.nodeId)).toEqual(['end']);
    expect(runs.store.runEvents(again.runId)[0]).toMatchObject({ nodeIds: ['mid', 'end'], partial: { mode: 'node', nodeId: 'end' } });

    collected.length = 0;
    const upTo = runs.start({ pipeline, source, trigger: 'manual', partial: { mode: 'upTo', nodeId: 'mid' } });
    expect(await upTo.done).toBe('succeeded');
    expect(collected.map((c) => c.nodeId)).toEqual(['mid']);
    expect(runs.store.runEvents(upTo.runId)[0]).toMatchObject({ nodeIds: ['items', 'mid'] });

    collected.length = 0;
    const from = runs.start({ pipeline, source, trigger: 'manual', partial: { mode: 'from', nodeId: 'mid' } });
    expect(await from.done).toBe('succeeded');
    expect(collected.map((c) => c.nodeId)).toEqual(['mid', 'end']);
  });

  it('keeps pipeline state between runs', async () => {
    const runs = await service();
    const source = path.join(await tempDir(), 'p.pipeline.json');
    const pipeline = graph([{ id: 'c', type: 'test.counter' }]);
    for (let i = 0; i < 3; i++) expect(await runs.start({ pipeline, source, trigger: 'manual' }).done).toBe('succeeded');
    expect(runs.store.getState('engine-test', 'count')).toBe(3);
  });

  it('caches a node: a second run reuses the stored table, a changed source file misses', async () => {
    const dir = await tempDir();
    await writeTempFile(dir, 'orders.csv', ordersCsv);
    const pipeline = csvPipeline('orders.csv', 'out.csv');
    pipeline.nodes[1].cache = true;
    const runs = await service();
    const source = path.join(dir, 'p.pipeline.json');
    const first = runs.start({ pipeline, source, trigger: 'manual' });
    expect(await first.done).toBe('succeeded');
    const second = runs.start({ pipeline, source, trigger: 'manual' });
    expect(await second.done).toBe('succeeded');
    expect(runs.store.runEvents(second.runId)).toContainEqual(expect.objectContaining({ type: 'node:state', nodeId: 'filter', state: 'succeeded', cached: true }));
    expect(await readFile(path.join(dir, 'out.csv'), 'utf8')).toBe('id,customer,amount\n1,Ada,250.0\n3,Alan,1200.0\n');

    await writeFile(path.join(dir, 'orders.csv'), `${ordersCsv}5,Barbara,999\n`);
    const third = runs.start({ pipeline, source, trigger: 'manual' });
    expect(await third.done).toBe('succeeded');
    expect(runs.store.runEvents(third.runId)).not.toContainEqual(expect.objectContaining({ nodeId: 'filter', cached: true }));
    expect(await readFile(path.join(dir, 'out.csv'), 'utf8')).toContain('5,Barbara,999.0');
  });
});
