import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { PipewrightError, secretNamePattern } from '../contract';
import { readSettingsFile, readSettingsFileSync } from '../model/corrupt-files';
import { writeFileAtomic } from '../model/save';

/**
 * What the store needs of an encryption backend: Electron's safeStorage in the
 * desktop app, a key file without it (file-key-storage.ts), a fake in tests.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring Chromium uses; `basic_text` means a fixed, public key. */
  getSelectedStorageBackend?(): string;
  /** A backend that knows it is no OS keyring says so here, on every platform. */
  weakness?(): string | undefined;
}

const storedFileSchema = z.object({
  format: z.literal('pipewright/secrets@1'),
  /** Set only when the user chose to store secrets without an OS keyring. */
  allowWeakEncryption: z.boolean().optional(),
  /** Name -> value encrypted by safeStorage, base64. Never the plain value. */
  secrets: z.record(z.string(), z.string()),
});
type StoredFile = z.infer<typeof storedFileSchema>;

const emptyFile = (): StoredFile => ({ format: 'pipewright/secrets@1', secrets: {} });
const parse = (raw: unknown) => storedFileSchema.parse(raw);

/**
 * Named secrets for pipelines, encrypted by a SafeStorageLike (the OS keyring
 * through Electron's safeStorage in the app), in one file in the data folder.
 * Without a keyring it refuses to store until the user opts in.
 */
export class SecretStore {
  /** Saves one at a time, so the file always ends up with the latest state. */
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
    private data: StoredFile,
    private readonly platform: NodeJS.Platform,
  ) {}

  static async open(file: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Promise<SecretStore> {
    // A damaged file is moved aside, not overwritten by the next secret saved: its values stay recoverable.
    return new SecretStore(file, safeStorage, (await readSettingsFile(file, parse)) ?? emptyFile(), platform);
  }

  /** open() for start-up code that must not wait. */
  static openSync(file: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretStore {
    return new SecretStore(file, safeStorage, readSettingsFileSync(file, parse) ?? emptyFile(), platform);
  }

  /** Why secrets cannot be stored safely here, or undefined when they can. */
  weakness(): string | undefined {
    if (!this.safeStorage.isEncryptionAvailable()) return 'this system offers no encryption for stored secrets (no OS keyring is available)';
    const own = this.safeStorage.weakness?.();
    if (own) return own;
    const backend = this.platform === 'linux' ? this.safeStorage.getSelectedStorageBackend?.() : undefined;
    if (backend === 'basic_text' || backend === 'unknown') {
      return 'no OS keyring (GNOME Keyring or KWallet) is running, so secrets would be encrypted with a fixed key any program can read; install or unlock a keyring, or opt in to store them anyway';
    }
    return undefined;
  }

  /** The user opted in to storing secrets despite weakness(). */
  weakAllowed(): boolean {
    return this.data.allowWeakEncryption === true;
  }

  names(): string[] {
    return Object.keys(this.data.secrets).sort();
  }

  async allowWeakEncryption(allow: boolean): Promise<void> {
    this.data = { ...this.data, allowWeakEncryption: allow || undefined };
    await this.save();
  }

  async set(name: string, value: string): Promise<void> {
    checkName(name);
    const weakness = this.weakness();
    if (weakness && !(this.data.allowWeakEncryption && this.safeStorage.isEncryptionAvailable())) throw new PipewrightError('E_SECRET_002', `not stored: ${weakness}`);
    this.data.secrets[name] = this.safeStorage.encryptString(value).toString('base64');
    await this.save();
  }

  async rename(from: string, to: string): Promise<void> {
    this.require(from);
    checkName(to);
    if (to === from) return;
    if (Object.hasOwn(this.data.secrets, to)) throw new PipewrightError('E_SECRET_001', `a secret named ${to} exists already`);
    const { [from]: value, ...rest } = this.data.secrets;
    this.data.secrets = { ...rest, [to]: value };
    await this.save();
  }

  async delete(name: string): Promise<void> {
    this.require(name);
    delete this.data.secrets[name];
    await this.save();
  }

  /** One value, decrypted; undefined when unset or no longer decryptable (the key changed; reported on stderr). */
  value(name: string): string | undefined {
    if (!Object.hasOwn(this.data.secrets, name)) return undefined;
    try {
      return this.safeStorage.decryptString(Buffer.from(this.data.secrets[name], 'base64'));
    } catch (error) {
      console.warn(`pipewright: secret ${name} cannot be decrypted (${(error as Error).message}); set its value again`);
      return undefined;
    }
  }

  /** Every value that decrypts, for the backend's memory; never written anywhere. */
  values(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const name of this.names()) {
      const value = this.value(name);
      if (value !== undefined) values[name] = value;
    }
    return values;
  }

  private require(name: string): void {
    if (!Object.hasOwn(this.data.secrets, name)) throw new PipewrightError('E_SECRET_003', `no secret named ${name}`);
  }

  private save(): Promise<void> {
    const write = async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${JSON.stringify(this.data, null, 2)}\n`);
      // Encrypted or not, nobody else on the machine needs to read it (no-op on Windows).
      await chmod(this.file, 0o600);
    };
    const saved = this.saving.then(write, write);
    this.saving = saved.catch(() => undefined);
    return saved;
  }
}

function checkName(name: string): void {
  if (!secretNamePattern.test(name)) throw new PipewrightError('E_SECRET_001', `secret name ${JSON.stringify(name)} must be UPPER_SNAKE_CASE, like API_TOKEN`);
}
