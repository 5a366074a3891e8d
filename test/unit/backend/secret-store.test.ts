import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SecretStore, type SafeStorageLike } from '../../../node-library/backend/secret-store';
import { fakeSafeStorage } from '../fake-safe-storage';
import { tempDir } from '../helpers';

describe('secret store', () => {
  it('creates, renames and deletes named secrets, stored encrypted only', async () => {
    const file = path.join(await tempDir(), 'secrets.json');
    const store = await SecretStore.open(file, fakeSafeStorage(), 'linux');
    await store.set('API_TOKEN', 'tok-123456');
    await store.set('DB_URL', 'postgres://u:pw@h/db');
    await store.rename('API_TOKEN', 'GITHUB_TOKEN');
    await store.delete('DB_URL');
    expect(store.names()).toEqual(['GITHUB_TOKEN']);
    const reopened = await SecretStore.open(file, fakeSafeStorage(), 'linux');
    expect(reopened.values()).toEqual({ GITHUB_TOKEN: 'tok-123456' });
    const onDisk = await readFile(file);
    for (const plain of ['tok-123456', 'postgres://u:pw@h/db', Buffer.from('tok-123456').toString('base64')]) expect(onDisk.includes(plain)).toBe(false);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses bad names, duplicates and unknown secrets with typed errors', async () => {
    const store = await SecretStore.open(path.join(await tempDir(), 's.json'), fakeSafeStorage(), 'linux');
    for (const name of ['lower', '1ABC', 'A-B', '', 'A'.repeat(101)]) await expect(store.set(name, 'v')).rejects.toMatchObject({ code: 'E_SECRET_001' });
    await store.set('A', '1');
    await store.set('B', '2');
    await expect(store.rename('A', 'B')).rejects.toMatchObject({ code: 'E_SECRET_001' });
    await expect(store.rename('C', 'D')).rejects.toMatchObject({ code: 'E_SECRET_003' });
    await expect(store.delete('C')).rejects.toMatchObject({ code: 'E_SECRET_003' });
  });

  it('on Linux without a keyring (basic_text) refuses to store, says why, and stores after an explicit opt-in', async () => {
    const file = path.join(await tempDir(), 's.json');
    const store = await SecretStore.open(file, fakeSafeStorage('basic_text'), 'linux');
    expect(store.weakness()).toMatch(/no OS keyring/);
    await expect(store.set('TOKEN', 'abc')).rejects.toMatchObject({ code: 'E_SECRET_002', message: expect.stringMatching(/fixed key/) });
    expect(store.names()).toEqual([]);
    await store.allowWeakEncryption(true);
    await store.set('TOKEN', 'abc');
    expect((await SecretStore.open(file, fakeSafeStorage('basic_text'), 'linux')).values()).toEqual({ TOKEN: 'abc' });
  });

  it('never stores when no encryption is available at all, opt-in or not', async () => {
    const store = await SecretStore.open(path.join(await tempDir(), 's.json'), fakeSafeStorage('unknown', false), 'darwin');
    await store.allowWeakEncryption(true);
    await expect(store.set('TOKEN', 'abc')).rejects.toMatchObject({ code: 'E_SECRET_002' });
  });

  it('trusts the keyring on macOS and Windows whatever Linux backend name is reported', async () => {
    const store = await SecretStore.open(path.join(await tempDir(), 's.json'), fakeSafeStorage('basic_text'), 'win32');
    expect(store.weakness()).toBeUndefined();
  });

  it('keeps serving the other values when one no longer decrypts (the keyring changed), and says which on stderr', async () => {
    const file = path.join(await tempDir(), 's.json');
    const store = await SecretStore.open(file, fakeSafeStorage(), 'linux');
    await store.set('GOOD', 'fine');
    await store.set('BAD', 'lost');
    const picky: SafeStorageLike = { ...fakeSafeStorage(), decryptString: (b) => { const text = fakeSafeStorage().decryptString(b); if (text === 'lost') throw new Error('wrong key'); return text; } };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reopened = SecretStore.openSync(file, picky, 'linux');
    expect(reopened.values()).toEqual({ GOOD: 'fine' });
    expect(reopened.value('BAD')).toBeUndefined();
    expect(reopened.value('NONE')).toBeUndefined();
    expect(warn.mock.calls.flat().join('\n')).toContain('secret BAD cannot be decrypted');
    warn.mockRestore();
  });

  it('takes a weakness the storage reports itself, on any platform, and reports the opt-in', async () => {
    const store = await SecretStore.open(path.join(await tempDir(), 's.json'), { ...fakeSafeStorage(), weakness: () => 'a key beside the values' }, 'darwin');
    expect(store.weakness()).toBe('a key beside the values');
    expect(store.weakAllowed()).toBe(false);
    await store.allowWeakEncryption(true);
    expect(store.weakAllowed()).toBe(true);
  });

  it('saves one change at a time: concurrent changes all reach the file', async () => {
    const file = path.join(await tempDir(), 'nested', 's.json');
    const store = await SecretStore.open(file, fakeSafeStorage(), 'linux');
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`S_${i}`, `v${i}`)));
    expect(Object.keys((await SecretStore.open(file, fakeSafeStorage(), 'linux')).values())).toHaveLength(20);
  });
});
