import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SafeStorageLike } from './secret-store';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * A SafeStorageLike for serve mode and the CLI, where Electron's safeStorage
 * (the OS keyring) does not exist: AES-256-GCM with a random key kept in
 * `keyFile` (mode 0600), created on the first value stored.
 *
 * What this protects against: the secrets file read on its own (copied into a
 * bug report, a backup or a repository without the key file), and tampering
 * (GCM authenticates each value). What it does not: anyone who can read the
 * data folder as this user reads the key beside the values. That is no better
 * than Chromium's `basic_text` backend, so it reports itself as weak and the
 * store refuses to use it until the user opts in.
 */
export function fileKeyStorage(keyFile: string): SafeStorageLike {
  let key: Buffer | undefined;
  const keyOrCreate = (): Buffer => (key ??= readKey(keyFile) ?? createKey(keyFile));
  const existingKey = (): Buffer => {
    key ??= readKey(keyFile);
    if (!key) throw new Error(`the key file ${keyFile} is missing`);
    return key;
  };
  return {
    isEncryptionAvailable: () => true,
    weakness: () =>
      `serve mode runs without Electron, so no OS keyring is available: secrets would be encrypted with a key kept in ${keyFile}, beside them. That keeps them out of a copied secrets file, but anyone who can read this data folder can read them; opt in to store them anyway, or set PIPEWRIGHT_SECRET_<NAME> environment variables instead`,
    encryptString(plainText) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyOrCreate(), iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      if (encrypted.length < 1 + IV_BYTES + TAG_BYTES || encrypted[0] !== VERSION) throw new Error('not a value this store wrote');
      const iv = encrypted.subarray(1, 1 + IV_BYTES);
      const tag = encrypted.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', existingKey(), iv);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(encrypted.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new Error(`it does not match the key in ${keyFile}`);
      }
    },
  };
}

function readKey(keyFile: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`the key file ${keyFile} is damaged (expected ${KEY_BYTES} bytes of base64)`);
  return key;
}

function createKey(keyFile: string): Buffer {
  const key = randomBytes(KEY_BYTES);
  mkdirSync(path.dirname(keyFile), { recursive: true });
  try {
    // Exclusive and private from the first byte: never a moment readable by others, never a key replaced.
    writeFileSync(keyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKey(keyFile)!;
    throw error;
  }
}
