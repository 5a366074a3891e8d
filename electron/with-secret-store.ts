import type { PipewrightApi } from '../node-library/contract';
import type { SecretStore } from '../node-library/backend/secret-store';
import { secretsApi } from '../node-library/backend/secrets-api';
import type { RemoteBackend } from './backend-protocol';

/**
 * The API main exposes over IPC: the backend process's, with the secret
 * methods answered here, because safeStorage exists only in main. After each
 * change the backend process gets the decrypted values again.
 */
export function withSecretStore(backend: RemoteBackend, store: SecretStore): PipewrightApi {
  return { ...backend, ...secretsApi(store, () => backend.sendSecrets(store.values())) };
}
