import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../node-library/contract';
import { maxBuffered, RunStore, type RunStoreOptions } from '../../../node-library/store/run-store';
import { begin, ev, nextTurn, opener, pipeline, storeFile, until, writerModes } from './fixtures';

describe.each(writerModes)('RunStore writing %s', (_, writer: RunStoreOptions) => {
  const open = opener(writer);

  describe('RunStore history', () => {
    it('replays every event of a run in emission order after close and reopen, with the pipeline as it ran', async () => {
      const file = await storeFile();
      const store = open(file);
      begin(store, 'r1');
      begin(store, 'other');
      const events: RunEvent[] = [ev.start('r1')];
      for (let i = 0; i < 50; i++) events.push(ev.log('r1', i % 2 ? 'read' : 'filter', `line ${i}`, 1_000 + i));
      events.push(ev.state('r1', 'read', 'running', 1_100, { attempt: 1 }), ev.preview('r1', 'read', 4), ev.state('r1', 'read', 'succeeded', 1_200));
      // Item attempts are stored as columns: they must read back as the same objects, errors included.
      const error = { code: 'E_NODE_001', message: 'HTTP 503' };
      const attempts = [
        { item: 0, attempt: 1, state: 'succeeded' as const, startedAt: 1_201, finishedAt: 1_203 },
        { item: 1, attempt: 1, state: 'retrying' as const, startedAt: 1_202, finishedAt: 1_210, error },
        { item: 1, attempt: 2, state: 'failed' as const, startedAt: 1_215, finishedAt: 1_216, error },
      ];
      events.push({ type: 'node:items', runId: 'r1', at: 1_220, nodeId: 'fetch', attempts }, ev.finish('r1'));
      for (const [i, event] of events.entries()) {
        store.append(event);
        store.append(ev.log('other', 'read', `interleaved ${i}`));
        if (i === 20) await nextTurn(); // some flushed on their own, the rest by run:finish and close
      }
      store.append(ev.finish('other'));
      store.close();

      const reopened = open(file);
      expect(reopened.runEvents('r1')).toEqual(events);
      // Stored without the runId their row already names; read back with it, second after the type as emitted.
      expect(reopened.runEvents('r1').map((e) => JSON.stringify(e))).toEqual(events.map((e) => JSON.stringify(e)));
      const raw = new Database(file, { readonly: true });
      expect((raw.prepare('SELECT json FROM events').pluck().all() as string[]).join()).not.toContain('"runId"');
      raw.close();
      expect(reopened.runEvents('other')).toHaveLength(events.length + 1);
      const detail = reopened.getRun('r1')!;
      expect(detail.pipeline).toEqual(pipeline());
      expect(detail.run).toEqual({ runId: 'r1', pipelineId: 'orders', pipelineName: 'Pipeline orders', state: 'succeeded', trigger: 'manual', params: { limit: 5 }, startedAt: 1_000, finishedAt: 2_000 });
      expect(reopened.getRun('nope')).toBeUndefined();
      reopened.close();
    });

    it('keeps a partial run, the run it resumes and the file it came from', async () => {
      const store = open(await storeFile());
      const source = '/work/pipelines/orders.pipeline.json';
      store.beginRun({ runId: 'r2', pipeline: pipeline(), params: {}, trigger: 'cli', partial: { mode: 'from', nodeId: 'filter' }, resumedFrom: 'r1', source, startedAt: 5 });
      expect(store.getRun('r2')!.run).toMatchObject({ partial: { mode: 'from', nodeId: 'filter' }, resumedFrom: 'r1', trigger: 'cli', source });
      store.close();
    });

    it('refuses events and outputs of a run it never began, at the call', async () => {
      const store = open(await storeFile());
      expect(() => store.append(ev.log('ghost', 'read', 'x'))).toThrow(expect.objectContaining({ code: 'E_RUN_001' }));
      expect(() => store.recordOutputs('ghost', 'read', {})).toThrow(/beginRun/);
      store.close();
    });
  });

  describe('RunStore node runs', () => {
    it('stores one row per attempt for a node that retries twice then succeeds, with rows out from its preview', async () => {
      const store = open(await storeFile());
      begin(store, 'r1');
      const boom = { code: 'E_NODE_001', message: 'boom' };
      store.append(ev.state('r1', 'read', 'queued', 1_000));
      store.append(ev.state('r1', 'read', 'running', 1_010, { attempt: 1 }));
      store.append(ev.state('r1', 'read', 'retrying', 1_020, { attempt: 1, error: boom }));
      store.append(ev.state('r1', 'read', 'running', 1_030, { attempt: 2 }));
      store.append(ev.state('r1', 'read', 'retrying', 1_040, { attempt: 2, error: boom }));
      store.append(ev.state('r1', 'read', 'running', 1_050, { attempt: 3 }));
      store.append(ev.preview('r1', 'read', 42));
      store.append(ev.state('r1', 'read', 'succeeded', 1_060, { attempt: 3 }));
      store.append(ev.finish('r1'));
      expect(store.getRun('r1')!.nodeRuns).toEqual([
        { runId: 'r1', nodeId: 'read', attempt: 1, state: 'retrying', startedAt: 1_010, finishedAt: 1_020, cached: false, error: boom },
        { runId: 'r1', nodeId: 'read', attempt: 2, state: 'retrying', startedAt: 1_030, finishedAt: 1_040, cached: false, error: boom },
        { runId: 'r1', nodeId: 'read', attempt: 3, state: 'succeeded', startedAt: 1_050, finishedAt: 1_060, rowsOut: 42, cached: false },
      ]);
      store.close();
    });

    it('numbers attempts itself when the engine leaves attempt out, and sums rows out over ports', async () => {
      const store = open(await storeFile());
      begin(store, 'r1');
      for (const event of [
        ev.state('r1', 'split', 'running', 1),
        ev.state('r1', 'split', 'retrying', 2),
        ev.state('r1', 'split', 'running', 3),
        ev.preview('r1', 'split', 10, 4, 'matched'),
        ev.preview('r1', 'split', 5, 4, 'rest'),
        ev.state('r1', 'split', 'failed', 5, { error: { code: 'E_NODE_001', message: 'late' } }),
      ]) {
        store.append(event);
      }
      store.flush();
      expect(store.getRun('r1')!.nodeRuns.map((r) => [r.attempt, r.state, r.rowsOut])).toEqual([
        [1, 'retrying', undefined],
        [2, 'failed', 15],
      ]);
      store.close();
    });

    it('stores cached, reused, skipped and never-started nodes as attempt 0', async () => {
      const store = open(await storeFile());
      begin(store, 'r1');
      store.append(ev.preview('r1', 'read', 7, 10));
      store.append(ev.state('r1', 'read', 'succeeded', 10, { cached: true }));
      store.append(ev.state('r1', 'filter', 'succeeded', 11, { reused: 'r0' }));
      store.append(ev.state('r1', 'write', 'skipped', 12, { reason: 'upstream failed' }));
      store.append(ev.state('r1', 'late', 'cancelled', 13));
      store.flush();
      expect(store.getRun('r1')!.nodeRuns).toEqual([
        { runId: 'r1', nodeId: 'read', attempt: 0, state: 'succeeded', startedAt: 10, finishedAt: 10, rowsOut: 7, cached: true },
        { runId: 'r1', nodeId: 'filter', attempt: 0, state: 'succeeded', startedAt: 11, finishedAt: 11, cached: true },
        { runId: 'r1', nodeId: 'write', attempt: 0, state: 'skipped', startedAt: 12, finishedAt: 12, cached: false },
        { runId: 'r1', nodeId: 'late', attempt: 0, state: 'cancelled', startedAt: 13, finishedAt: 13, cached: false },
      ]);
      store.close();
    });

    it('keeps the item index of mapped items apart from the node as a whole', async () => {
      const store = open(await storeFile());
      begin(store, 'r1');
      store.append(ev.state('r1', 'fetch', 'running', 1, { attempt: 1 }));
      store.append(ev.state('r1', 'fetch', 'running', 2, { item: 0, attempt: 1 }));
      store.append(ev.state('r1', 'fetch', 'running', 3, { item: 1, attempt: 1 }));
      store.append(ev.state('r1', 'fetch', 'retrying', 4, { item: 1, attempt: 1 }));
      store.append(ev.state('r1', 'fetch', 'succeeded', 5, { item: 0, attempt: 1 }));
      store.append(ev.state('r1', 'fetch', 'running', 6, { item: 1, attempt: 2 }));
      store.append(ev.state('r1', 'fetch', 'succeeded', 7, { item: 1, attempt: 2 }));
      store.append(ev.state('r1', 'fetch', 'succeeded', 8, { attempt: 1 }));
      store.flush();
      expect(store.getRun('r1')!.nodeRuns.map((r) => [r.item, r.attempt, r.state, r.startedAt, r.finishedAt])).toEqual([
        [undefined, 1, 'succeeded', 1, 8],
        [0, 1, 'succeeded', 2, 5],
        [1, 1, 'retrying', 3, 4],
        [1, 2, 'succeeded', 6, 7],
      ]);
      store.close();
    });

    it('reads the batched attempts of mapped items (node:items) as one node run each', async () => {
      const store = open(await storeFile());
      begin(store, 'r1');
      store.append(ev.state('r1', 'fetch', 'running', 1, { attempt: 1 }));
      const error = { code: 'E_NODE_001', message: 'HTTP 503' };
      store.append({
        type: 'node:items', runId: 'r1', at: 6, nodeId: 'fetch',
        attempts: [
          { item: 0, attempt: 1, state: 'succeeded', startedAt: 2, finishedAt: 5 },
          { item: 1, attempt: 1, state: 'retrying', startedAt: 3, finishedAt: 4, error },
        ],
      });
      store.append({ type: 'node:items', runId: 'r1', at: 8, nodeId: 'fetch', attempts: [{ item: 1, attempt: 2, state: 'failed', startedAt: 6, finishedAt: 7, error }] });
      store.append(ev.state('r1', 'fetch', 'failed', 9, { attempt: 1 }));
      store.flush();
      expect(store.getRun('r1')!.nodeRuns.map((r) => [r.item, r.attempt, r.state, r.startedAt, r.finishedAt, r.error?.message])).toEqual([
        [undefined, 1, 'failed', 1, 9, undefined],
        [0, 1, 'succeeded', 2, 5, undefined],
        [1, 1, 'retrying', 3, 4, 'HTTP 503'],
        [1, 2, 'failed', 6, 7, 'HTTP 503'],
      ]);
      store.close();
    });

    it('closes the attempts a finished run left open as cancelled', async () => {
      const store = open(await storeFile());
      begin(store, 'r1');
      store.append(ev.state('r1', 'slow', 'running', 1, { attempt: 1 }));
      store.append(ev.finish('r1', 'cancelled', 9));
      expect(store.getRun('r1')!.nodeRuns).toEqual([{ runId: 'r1', nodeId: 'slow', attempt: 1, state: 'cancelled', startedAt: 1, finishedAt: 9, cached: false }]);
      store.close();
    });
  });

  describe('RunStore logs and runs', () => {
    it('returns logs of a run in order, all or one node, with item and attempt', async () => {
      const store = open(await storeFile());
      begin(store, 'r1');
      begin(store, 'r2');
      store.append(ev.log('r1', 'read', 'a', 1));
      store.append(ev.log('r1', 'filter', 'b', 2, { item: 3, attempt: 2 }));
      store.append(ev.log('r2', 'read', 'elsewhere', 3));
      store.append(ev.log('r1', 'read', 'c', 4));
      store.flush();
      expect(store.logs('r1').map((l) => l.message)).toEqual(['a', 'b', 'c']);
      expect(store.logs('r1', 'read')).toEqual([
        { runId: 'r1', nodeId: 'read', level: 'info', message: 'a', at: 1 },
        { runId: 'r1', nodeId: 'read', level: 'info', message: 'c', at: 4 },
      ]);
      expect(store.logs('r1', 'filter')).toEqual([{ runId: 'r1', nodeId: 'filter', item: 3, attempt: 2, level: 'info', message: 'b', at: 2 }]);
      expect(store.logs('r1', 'nope')).toEqual([]);
      store.close();
    });

    it('lists runs newest first, filtered by pipeline, state and trigger, limited', async () => {
      const store = open(await storeFile());
      const plan = [
        { runId: 'a1', pipelineId: 'a', trigger: 'manual', end: 'succeeded' },
        { runId: 'b1', pipelineId: 'b', trigger: 'schedule', end: 'failed' },
        { runId: 'a2', pipelineId: 'a', trigger: 'schedule', end: 'succeeded' },
        { runId: 'a3', pipelineId: 'a', trigger: 'cli', end: 'failed' },
        { runId: 'b2', pipelineId: 'b', trigger: 'manual', end: undefined },
      ] as const;
      for (const [i, run] of plan.entries()) {
        begin(store, run.runId, { pipelineId: run.pipelineId, trigger: run.trigger, startedAt: 100 + i });
        if (run.end) store.append(ev.finish(run.runId, run.end, 200 + i));
      }
      const ids = (filter: Parameters<RunStore['listRuns']>[0]) => store.listRuns(filter).map((r) => r.runId);
      expect(ids({})).toEqual(['b2', 'a3', 'a2', 'b1', 'a1']);
      expect(ids({ pipelineId: 'a' })).toEqual(['a3', 'a2', 'a1']);
      expect(ids({ state: 'failed' })).toEqual(['a3', 'b1']);
      expect(ids({ state: 'running' })).toEqual(['b2']);
      expect(ids({ trigger: 'schedule' })).toEqual(['a2', 'b1']);
      expect(ids({ pipelineId: 'a', state: 'succeeded', trigger: 'schedule' })).toEqual(['a2']);
      expect(ids({ limit: 2 })).toEqual(['b2', 'a3']);
      expect(store.listRuns({ pipelineId: 'b', state: 'failed' })).toEqual([
        { runId: 'b1', pipelineId: 'b', pipelineName: 'Pipeline b', state: 'failed', trigger: 'schedule', params: { limit: 5 }, startedAt: 101, finishedAt: 201 },
      ]);
      for (let i = 0; i < 105; i++) begin(store, `many${i}`, { startedAt: 1_000 + i });
      expect(store.listRuns({})).toHaveLength(100);
      expect(store.listRuns({})[0].runId).toBe('many104');
      store.close();
    });

    it('makes a finished run durable before append(run:finish) returns; other events wait for the batch', async () => {
      const file = await storeFile();
      const store = open(file);
      begin(store, 'r1');
      const reader = new Database(file, { readonly: true });
      const state = reader.prepare('SELECT state FROM runs WHERE id = ?').pluck();
      // An events row holds a batch of consecutive events.
      const events = reader.prepare('SELECT coalesce(sum(last_seq - seq + 1), 0) FROM events JOIN runs ON runs.key = run_key WHERE id = ?').pluck();
      store.append(ev.log('r1', 'read', 'buffered'));
      expect(events.get('r1')).toBe(0);
      // Handed to the writer thread on the next turn; written there without a flush.
      await nextTurn();
      await until(() => events.get('r1') === 1);
      store.append(ev.log('r1', 'read', 'buffered again'));
      store.append(ev.finish('r1', 'failed', 3_000, { code: 'E_NODE_001', message: 'node read failed' }));
      expect(state.get('r1')).toBe('failed');
      expect(events.get('r1')).toBe(3);
      expect(store.getRun('r1')!.run).toMatchObject({ state: 'failed', finishedAt: 3_000, error: { code: 'E_NODE_001', message: 'node read failed' } });
      reader.close();
      store.close();
    });

    it('keeps a batch that failed to write and writes it whole, in order, on the next flush', async () => {
      const file = await storeFile();
      const errors: unknown[] = [];
      const store = open(file, { onError: (error) => errors.push(error) });
      begin(store, 'r1');
      // A real write failure, made by a second connection: a trigger that refuses log rows.
      const other = new Database(file);
      const refuse = "CREATE TRIGGER refuse BEFORE INSERT ON logs BEGIN SELECT RAISE(ABORT, 'disk on fire'); END";
      other.exec(refuse);
      store.append(ev.log('r1', 'read', 'first'));
      expect(() => store.flush()).toThrow('disk on fire');
      expect(() => store.flush()).toThrow('disk on fire');
      other.exec('DROP TRIGGER refuse');
      store.append(ev.log('r1', 'read', 'second'));
      store.flush();
      expect(store.logs('r1').map((l) => l.message)).toEqual(['first', 'second']);
      expect(errors).toEqual([]);

      // A batch handed over on its own fails in the writer thread; a later hand-over finds out and reports it.
      other.exec(refuse);
      let line = 0;
      await until(() => {
        store.append(ev.log('r1', 'read', `later ${line++}`));
        return errors.length > 0;
      });
      expect(errors).toEqual([expect.objectContaining({ message: 'disk on fire' })]);
      // Dropped before anything more is handed over: the flush writes every line taken back, in order.
      other.exec('DROP TRIGGER refuse');
      store.flush();
      const later = Array.from({ length: line }, (_, i) => `later ${i}`);
      expect(store.logs('r1').map((l) => l.message)).toEqual(['first', 'second', ...later]);
      expect(store.runEvents('r1')).toEqual(['first', 'second', ...later].map((message) => ev.log('r1', 'read', message)));
      other.close();
      store.close();
    });

    it('waits flushDelayMs for company before writing, when asked to', async () => {
      const file = await storeFile();
      const store = open(file, { flushDelayMs: 40 });
      begin(store, 'r1');
      const reader = new Database(file, { readonly: true });
      const logs = reader.prepare('SELECT count(*) FROM logs').pluck();
      store.append(ev.log('r1', 'read', 'a'));
      await nextTurn();
      store.append(ev.log('r1', 'read', 'b'));
      await nextTurn();
      expect(logs.get()).toBe(0);
      await until(() => logs.get() === 2);
      reader.close();
      store.close();
    });

    it(`hands a batch over at once when ${maxBuffered} events are buffered`, async () => {
      const file = await storeFile();
      // No deferred hand-over within the test: only the count can start the write.
      const store = open(file, { flushDelayMs: 60_000 });
      begin(store, 'r1');
      const reader = new Database(file, { readonly: true });
      const count = reader.prepare('SELECT count(*) FROM logs').pluck();
      for (let i = 0; i < maxBuffered - 1; i++) store.append(ev.log('r1', 'read', `line ${i}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(count.get()).toBe(0);
      store.append(ev.log('r1', 'read', 'the last one'));
      await until(() => count.get() === maxBuffered);
      reader.close();
      store.close();
    });
  });

  describe('RunStore outputs and state', () => {
    it('returns the outputs of a run, and per node the newest run that recorded some', async () => {
      const file = await storeFile();
      const store = open(file);
      begin(store, 'old', { startedAt: 1 });
      begin(store, 'new', { startedAt: 2 });
      begin(store, 'elsewhere', { startedAt: 3, pipelineId: 'other' });
      store.recordOutputs('old', 'read', { out: { table: 'old_read' } });
      store.recordOutputs('old', 'filter', { out: { table: 'old_filter' } });
      store.recordOutputs('new', 'read', { out: { table: 'first try' } });
      store.recordOutputs('new', 'read', { out: { table: 'new_read' } });
      store.recordOutputs('elsewhere', 'read', { out: { table: 'other pipeline' } });
      store.close();

      const reopened = open(file);
      expect(reopened.outputsOfRun('old')).toEqual(new Map([['read', { out: { table: 'old_read' } }], ['filter', { out: { table: 'old_filter' } }]]));
      expect(reopened.outputsOfRun('new')).toEqual(new Map([['read', { out: { table: 'new_read' } }]]));
      expect(reopened.latestOutputs('orders')).toEqual(
        new Map([
          ['read', { runId: 'new', outputs: { out: { table: 'new_read' } } }],
          ['filter', { runId: 'old', outputs: { out: { table: 'old_filter' } } }],
        ]),
      );
      expect(reopened.latestOutputs('nope')).toEqual(new Map());
      reopened.close();
    });

    it('keeps pipeline state between runs and reopenings; undefined when absent or removed', async () => {
      const file = await storeFile();
      const store = open(file);
      expect(store.getState('orders', 'cursor')).toBeUndefined();
      store.setState('orders', 'cursor', { lastId: 41 });
      store.setState('orders', 'cursor', { lastId: 42, seen: ['a'] });
      store.setState('orders', 'gone', 1);
      store.setState('orders', 'gone', undefined);
      store.setState('other', 'cursor', 'x');
      store.close();
      const reopened = open(file);
      expect(reopened.getState('orders', 'cursor')).toEqual({ lastId: 42, seen: ['a'] });
      expect(reopened.getState('other', 'cursor')).toBe('x');
      expect(reopened.getState('orders', 'gone')).toBeUndefined();
      reopened.close();
    });
  });

  describe('RunStore prune', () => {
    it('keeps the newest N runs of each pipeline and deletes the others with every child row', async () => {
      const file = await storeFile();
      const store = open(file);
      begin(store, 'a-running', { pipelineId: 'a', startedAt: 0 });
      for (const pipelineId of ['a', 'b']) {
        for (let i = 1; i <= 5; i++) {
          const runId = `${pipelineId}${i}`;
          begin(store, runId, { pipelineId, startedAt: i });
          store.append(ev.state(runId, 'read', 'running', 1, { attempt: 1 }));
          store.append(ev.log(runId, 'read', 'hello'));
          store.append(ev.state(runId, 'read', 'succeeded', 2, { attempt: 1 }));
          store.recordOutputs(runId, 'read', { out: i });
          store.append(ev.finish(runId));
        }
      }
      store.setState('a', 'cursor', 1);
      expect(store.prune(2)).toBe(6);
      expect(store.listRuns({}).map((r) => r.runId).sort()).toEqual(['a-running', 'a4', 'a5', 'b4', 'b5']);
      expect(store.prune(2)).toBe(0);
      store.close();

      const db = new Database(file, { readonly: true });
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
      const events = db.prepare('SELECT sum(last_seq - seq + 1) FROM events').pluck().get();
      // 4 kept finished runs with 4 events (running, log, succeeded, finish) each; the running one has none.
      expect([count('runs'), events, count('logs'), count('output_batches'), count('pipeline_state')]).toEqual([5, 16, 4, 4, 1]);
      // One snapshot per distinct pipeline content (a and b), however many runs used it.
      expect(count('pipeline_snapshots')).toBe(2);
      for (const table of ['events', 'logs', 'output_batches']) {
        const owners = db.prepare(`SELECT DISTINCT runs.id FROM ${table} JOIN runs ON runs.key = run_key ORDER BY 1`).pluck().all();
        expect(owners, table).toEqual(['a4', 'a5', 'b4', 'b5']);
      }
      db.close();
    });
  });
});
