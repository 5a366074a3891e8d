import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunStore } from '../../../node-library/store/run-store';
import { begin, ev, storeFile } from './fixtures';

const warnings = () => vi.spyOn(process, 'emitWarning').mockImplementation(() => {});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the writer thread', () => {
  it('commits on the thread what it is given, in order, by flush', async () => {
    const file = await storeFile();
    const warned = warnings();
    const store = RunStore.open(file, { threadFromBytes: 0 });
    begin(store, 'r1');
    for (let i = 0; i < 2_500; i++) store.append(ev.log('r1', 'read', `line ${i}`));
    store.append(ev.finish('r1'));
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM logs').pluck().get()).toBe(2_500);
    expect(store.logs('r1').at(-1)?.message).toBe('line 2499');
    reader.close();
    store.close();
    expect(warned).not.toHaveBeenCalled();
  });

  it('is not started by small batches, only by the first big one', async () => {
    const file = await storeFile();
    const warned = warnings();
    const store = RunStore.open(file, { threadFromBytes: 10_000 });
    begin(store, 'r1');
    // A thread started from now on would fail to load SQLite and say so.
    vi.stubEnv('PIPEWRIGHT_SQLITE_BINDING', '/nowhere/better_sqlite3.node');
    store.append(ev.log('r1', 'read', 'small'));
    store.flush();
    expect(warned).not.toHaveBeenCalled();
    for (let i = 0; i < 500; i++) store.append(ev.log('r1', 'read', `line ${i} of a batch big enough to start the writer thread`));
    store.flush();
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('its writer thread could not start'));
    expect(store.logs('r1')).toHaveLength(501);
    store.close();
  });

  it('writes in this thread, with a warning, when the thread cannot load SQLite', async () => {
    const file = await storeFile();
    const warned = warnings();
    const store = RunStore.open(file, { threadFromBytes: 0 });
    begin(store, 'r1');
    // The thread loads its own copy of the native addon from here: make that fail.
    vi.stubEnv('PIPEWRIGHT_SQLITE_BINDING', '/nowhere/better_sqlite3.node');
    store.append(ev.log('r1', 'read', 'first'));
    store.append(ev.finish('r1'));
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('its writer thread could not start'));
    expect(store.logs('r1').map((l) => l.message)).toEqual(['first']);
    expect(store.getRun('r1')?.run.state).toBe('succeeded');
    store.close();
  });
});
