import type { SafeStorageLike } from '../../node-library/backend/secret-store';

/**
 * Electron's safeStorage as a reversible fake: reverses and XORs the bytes,
 * so a file never holds the plain text. `basic_text` stands for Linux without a keyring.
 */
export function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a).reverse());
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => flip(Buffer.from(text, 'utf8')),
    decryptString: (encrypted) => flip(encrypted).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}
