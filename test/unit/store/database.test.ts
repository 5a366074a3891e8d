import Database from 'better-sqlite3';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, minimumSqlite, openDatabase } from '../../../node-library/store/database';
import { migrations } from '../../../node-library/store/migrations';
import { RunStore } from '../../../node-library/store/run-store';
import { begin, storeFile } from './fixtures';

function names(db: Database.Database, type: 'table' | 'index'): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all(type) as string[];
}

describe('store database', () => {
  it('creates its parent folder, the schema, and records the schema version', async () => {
    const file = await storeFile();
    const db = openDatabase(file);
    expect(names(db, 'table')).toEqual(['events', 'logs', 'output_batches', 'pipeline_snapshots', 'pipeline_state', 'runs', 'schedule_fires', 'schedule_state', 'scheduler_lease']);
    expect(names(db, 'index')).toEqual(expect.arrayContaining(['runs_by_pipeline', 'runs_by_start', 'logs_by_run', 'output_batches_by_run']));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('moves a schema-1 file forward: outputs become batches, node runs are read from the events', async () => {
    const file = await storeFile();
    await mkdir(path.dirname(file), { recursive: true });
    const old = new Database(file);
    old.exec(migrations[0]);
    old.pragma('user_version = 1');
    old.prepare(
      `INSERT INTO runs (id, pipeline_id, pipeline_name, state, trigger, params, started_at, finished_at, pipeline, owner_host, owner_pid)
       VALUES ('r1', 'p', 'P', 'succeeded', 'manual', '{}', 1, 3, '{}', 'h', 1)`,
    ).run();
    const events = [
      { type: 'node:state', runId: 'r1', at: 1, nodeId: 'read', state: 'running', attempt: 1 },
      { type: 'node:state', runId: 'r1', at: 2, nodeId: 'read', state: 'succeeded', attempt: 1 },
      { type: 'run:finish', runId: 'r1', at: 3, state: 'succeeded' },
    ];
    old.prepare("INSERT INTO events VALUES (1, 1, 3, ?)").run(JSON.stringify(events));
    old.prepare(`INSERT INTO outputs VALUES (1, 'read', '{"out":{"table":"t"}}'), (1, 'sum', '{"out":3}')`).run();
    old.close();

    const store = RunStore.open(file);
    expect(store.outputsOfRun('r1')).toEqual(new Map([['read', { out: { table: 't' } }], ['sum', { out: 3 }]]));
    expect(store.getRun('r1')?.nodeRuns).toEqual([{ runId: 'r1', nodeId: 'read', attempt: 1, state: 'succeeded', startedAt: 1, finishedAt: 2, cached: false }]);
    store.close();
  });

  it('reopens an up-to-date file without touching it, keeping its rows', async () => {
    const file = await storeFile();
    const store = RunStore.open(file);
    begin(store, 'r1');
    store.close();
    const again = RunStore.open(file);
    again.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT id FROM runs').pluck().all()).toEqual(['r1']);
    db.close();
  });

  it('reads back WAL, synchronous FULL, foreign keys on and a busy timeout on every connection', async () => {
    const db = openDatabase(await storeFile());
    expect(compareVersions(db.prepare('SELECT sqlite_version()').pluck().get() as string, minimumSqlite)).toBeGreaterThanOrEqual(0);
    expect([compareVersions('3.51.2', '3.51.3'), compareVersions('3.52', '3.51.3'), compareVersions('3.51.3', '3.51.3')].map(Math.sign)).toEqual([-1, 1, 0]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it("opens ':memory:' for tests, without a folder", () => {
    const store = RunStore.open(':memory:');
    begin(store, 'r1');
    expect(store.listRuns({}).map((r) => r.runId)).toEqual(['r1']);
    store.close();
  });

  it('refuses a file written by a newer schema, saying what to do', async () => {
    const file = await storeFile();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer version of Pipewright.*update Pipewright/);
  });
});

describe('schedule tables', () => {
  it('refuse a second row for the same pipeline and slot, whatever its outcome', async () => {
    const db = openDatabase(await storeFile());
    const insert = db.prepare("INSERT INTO schedule_fires (pipeline_id, slot, outcome, run_id, recorded_at) VALUES ('p', 1000, ?, ?, 0)");
    insert.run('queued', 'run_a');
    expect(() => insert.run('skipped', null)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO scheduler_lease (id, owner, expires_at) VALUES (2, 'x', 0)").run()).toThrow(/CHECK/);
    db.close();
  });
});
