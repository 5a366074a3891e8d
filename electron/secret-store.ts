import { chmod } from 'node:fs/promises';
import { z } from 'zod';
import { PipewrightError } from '../node-library/contract';
import { readSettingsFile } from '../node-library/model/corrupt-files';
import { writeFileAtomic } from '../node-library/model/save';

/** What the store needs of Electron's safeStorage; a fake stands in for it in tests. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring Chromium uses; `basic_text` means a fixed, public key. */
  getSelectedStorageBackend?(): string;
}

const storedFileSchema = z.object({
  format: z.literal('pipewright/secrets@1'),
  /** Set only when the user chose to store secrets without an OS keyring. */
  allowWeakEncryption: z.boolean().optional(),
  /** Name -> value encrypted by safeStorage, base64. Never the plain value. */
  secrets: z.record(z.string(), z.string()),
});
type StoredFile = z.infer<typeof storedFileSchema>;

const namePattern = /^[A-Z][A-Z0-9_]{0,99}$/;

/**
 * Named secrets for pipelines, encrypted with the OS keyring through
 * Electron's safeStorage, in one file in the data folder. Without a keyring
 * on Linux (`basic_text`), it refuses to store until the user opts in.
 */
export class SecretStore {
  private constructor(
    private readonly file: string,
    private readonly safeStorage: SafeStorageLike,
    private data: StoredFile,
    private readonly platform: NodeJS.Platform,
  ) {}

  static async open(file: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Promise<SecretStore> {
    // A damaged file is moved aside, not overwritten by the next secret saved: its values stay recoverable.
    const data = (await readSettingsFile(file, (raw) => storedFileSchema.parse(raw))) ?? { format: 'pipewright/secrets@1' as const, secrets: {} };
    return new SecretStore(file, safeStorage, data, platform);
  }

  /** Why secrets cannot be stored safely here, or undefined when they can. */
  weakness(): string | undefined {
    if (!this.safeStorage.isEncryptionAvailable()) return 'this system offers no encryption for stored secrets (no OS keyring is available)';
    const backend = this.platform === 'linux' ? this.safeStorage.getSelectedStorageBackend?.() : undefined;
    if (backend === 'basic_text' || backend === 'unknown') {
      return 'no OS keyring (GNOME Keyring or KWallet) is running, so secrets would be encrypted with a fixed key any program can read; install or unlock a keyring, or opt in to store them anyway';
    }
    return undefined;
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
    if (to !== from && to in this.data.secrets) throw new PipewrightError('E_SECRET_001', `a secret named ${to} exists already`);
    const { [from]: value, ...rest } = this.data.secrets;
    this.data.secrets = { ...rest, [to]: value };
    await this.save();
  }

  async delete(name: string): Promise<void> {
    this.require(name);
    delete this.data.secrets[name];
    await this.save();
  }

  /** Every value, decrypted, for the backend's memory; never written anywhere. */
  values(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.data.secrets).map(([name, encrypted]) => [name, this.safeStorage.decryptString(Buffer.from(encrypted, 'base64'))]));
  }

  private require(name: string): void {
    if (!(name in this.data.secrets)) throw new PipewrightError('E_SECRET_003', `no secret named ${name}`);
  }

  private async save(): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(this.data, null, 2)}\n`);
    // Encrypted or not, nobody else on the machine needs to read it (no-op on Windows).
    await chmod(this.file, 0o600);
  }
}

function checkName(name: string): void {
  if (!namePattern.test(name)) throw new PipewrightError('E_SECRET_001', `secret name ${JSON.stringify(name)} must be UPPER_SNAKE_CASE, like API_TOKEN`);
}
