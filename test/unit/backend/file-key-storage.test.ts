import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileKeyStorage } from '../../../node-library/backend/file-key-storage';
import { SecretStore } from '../../../node-library/backend/secret-store';
import { tempDir } from '../helpers';

const value = 'sk-live-9f8e7d6c5b4a3210';

async function storeIn(dir: string, keyName = 'serve-secrets.key') {
  return SecretStore.open(path.join(dir, 'serve-secrets.json'), fileKeyStorage(path.join(dir, keyName)));
}

/** Every form of the value a careless store could leave on disk. */
const forms = (plain: string) => [plain, Buffer.from(plain).toString('base64'), Buffer.from(plain).toString('hex'), plain.slice(0, 10)];

describe('the key-file storage for serve mode and the CLI', () => {
  it('reports itself as weak on every platform, naming the key file, and the store refuses until the user opts in', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    expect(store.weakness()).toMatch(/no OS keyring/);
    expect(store.weakness()).toContain(path.join(dir, 'serve-secrets.key'));
    expect(store.weakness()).toMatch(/anyone who can read this data folder/);
    await expect(store.set('API_TOKEN', value)).rejects.toMatchObject({ code: 'E_SECRET_002', message: expect.stringMatching(/^not stored: .*opt in/) });
    expect(store.names()).toEqual([]);
    // Nothing written yet: not a key, not a file.
    expect(await readdir(dir)).toEqual([]);
  });

  it('after the opt-in: stores AES-GCM ciphertext only, with a private random key, readable after a restart', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    await store.allowWeakEncryption(true);
    await store.set('API_TOKEN', value);
    await store.set('OTHER', value);
    const keyFile = path.join(dir, 'serve-secrets.key');
    if (process.platform !== 'win32') {
      expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(dir, 'serve-secrets.json'))).mode & 0o777).toBe(0o600);
    }
    expect(Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64')).toHaveLength(32);
    const file = JSON.parse(await readFile(path.join(dir, 'serve-secrets.json'), 'utf8')) as { secrets: Record<string, string> };
    // A fresh IV per value: the same value twice gives two different ciphertexts.
    expect(file.secrets.API_TOKEN).not.toBe(file.secrets.OTHER);
    for (const name of await readdir(dir)) {
      const bytes = await readFile(path.join(dir, name));
      for (const form of forms(value)) expect(bytes.includes(form), `${name} holds ${form}`).toBe(false);
    }
    expect((await storeIn(dir)).values()).toEqual({ API_TOKEN: value, OTHER: value });
  });

  it('renames and deletes through the same store, and refuses bad names and unknown secrets', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    await store.allowWeakEncryption(true);
    await store.set('API_TOKEN', value);
    await store.rename('API_TOKEN', 'SERVICE_TOKEN');
    expect((await storeIn(dir)).values()).toEqual({ SERVICE_TOKEN: value });
    await expect(store.set('api-token', 'x')).rejects.toMatchObject({ code: 'E_SECRET_001' });
    await expect(store.rename('API_TOKEN', 'B')).rejects.toMatchObject({ code: 'E_SECRET_003' });
    await store.delete('SERVICE_TOKEN');
    expect((await storeIn(dir)).names()).toEqual([]);
  });

  it('a tampered value, or another key, decrypts to nothing (reported), never to garbage', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    await store.allowWeakEncryption(true);
    await store.set('API_TOKEN', value);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Another key file: the value does not match it.
    const otherKey = await storeIn(dir, 'other.key');
    await otherKey.allowWeakEncryption(true);
    await otherKey.set('NEW', 'n');
    expect((await storeIn(dir, 'other.key')).values()).toEqual({ NEW: 'n' });
    // One flipped ciphertext byte: GCM's tag check fails.
    const jsonFile = path.join(dir, 'serve-secrets.json');
    const data = JSON.parse(await readFile(jsonFile, 'utf8')) as { secrets: Record<string, string> };
    const bytes = Buffer.from(data.secrets.NEW, 'base64');
    bytes[bytes.length - 1] ^= 1;
    data.secrets.NEW = bytes.toString('base64');
    await writeFile(jsonFile, JSON.stringify(data));
    expect((await storeIn(dir, 'other.key')).value('NEW')).toBeUndefined();
    expect(warn.mock.calls.flat().join('\n')).toMatch(/secret API_TOKEN cannot be decrypted \(it does not match the key in .*other\.key\)/);
    warn.mockRestore();
  });

  it('a missing key file is reported as such, and no key is made up to read with', async () => {
    const dir = await tempDir();
    const store = await storeIn(dir);
    await store.allowWeakEncryption(true);
    await store.set('API_TOKEN', value);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await storeIn(dir, 'gone.key')).value('API_TOKEN')).toBeUndefined();
    expect(existsSync(path.join(dir, 'gone.key'))).toBe(false);
    expect(warn.mock.calls.flat().join('\n')).toContain('gone.key is missing');
    warn.mockRestore();
  });
});
