import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../node-library/store/content-hash';
import type { RunStoreOptions } from '../../../node-library/store/run-store';
import { ev, opener, pipeline, storeFile, writerModes } from './fixtures';

describe.each(writerModes)('RunStore writing %s', (_, writer: RunStoreOptions) => {
  const open = opener(writer);

  describe('RunStore pipeline snapshots', () => {
    it('stores a pipeline once per content, gives each run the one it ran, and drops snapshots no run uses', async () => {
      const file = await storeFile();
      const store = open(file);
      const base = { params: {}, trigger: 'manual' as const };
      const v1 = pipeline('p');
      const v2 = { ...pipeline('p'), name: 'Orders, renamed' };
      store.beginRun({ ...base, runId: 'old', pipeline: v1, startedAt: 1 });
      store.beginRun({ ...base, runId: 'again', pipeline: pipeline('p'), startedAt: 2 });
      store.beginRun({ ...base, runId: 'new', pipeline: v2, startedAt: 3 });
      for (const runId of ['old', 'again', 'new']) store.append(ev.finish(runId));
      expect([store.getRun('old')?.pipeline, store.getRun('again')?.pipeline, store.getRun('new')?.pipeline]).toEqual([v1, v1, v2]);
      const snapshots = () => {
        const db = new Database(file, { readonly: true });
        const count = db.prepare('SELECT count(*) FROM pipeline_snapshots').pluck().get();
        db.close();
        return count;
      };
      expect(snapshots()).toBe(2);
      store.prune(1);
      expect(snapshots()).toBe(1);
      expect(store.getRun('new')?.pipeline).toEqual(v2);
      store.close();
    });

    it('finds a snapshot in a new process by content, and keeps a pipeline whose fast hash collides apart', async () => {
      const file = await storeFile();
      const base = { params: {}, trigger: 'manual' as const };
      const mine = pipeline('p');
      // Another pipeline's text already stored under the fast hash of this one's: a collision.
      const setup = open(file);
      setup.close();
      const db = new Database(file);
      db.prepare('INSERT INTO pipeline_snapshots (hash, json) VALUES (?, ?)').run(`h64:${contentHash(JSON.stringify(mine))}`, JSON.stringify(pipeline('other')));
      db.close();
      const first = open(file);
      first.beginRun({ ...base, runId: 'a', pipeline: mine, startedAt: 1 });
      first.append(ev.finish('a'));
      first.close();
      // A new store (another process, say) has no snapshot remembered: it finds the stored one by hash.
      const second = open(file);
      second.beginRun({ ...base, runId: 'b', pipeline: mine, startedAt: 2 });
      second.append(ev.finish('b'));
      expect([second.getRun('a')?.pipeline, second.getRun('b')?.pipeline]).toEqual([mine, mine]);
      second.close();
      const check = new Database(file, { readonly: true });
      const rows = check.prepare('SELECT hash FROM pipeline_snapshots ORDER BY key').pluck().all() as string[];
      const runSnapshots = check.prepare("SELECT DISTINCT snapshot FROM runs WHERE id IN ('a', 'b')").pluck().all();
      check.close();
      expect(rows).toHaveLength(2);
      expect(rows[1]).toMatch(/^sha512:/);
      expect(runSnapshots).toHaveLength(1);
    });
  });
});
