import { PipewrightError, type PipewrightApi } from '../contract';
import type { SecretStore } from './secret-store';

export type SecretMethod = 'listSecrets' | 'setSecret' | 'renameSecret' | 'deleteSecret' | 'allowWeakSecretStorage';
export type SecretsApi = Pick<PipewrightApi, SecretMethod>;

/**
 * The contract's secret methods over a store: names in, names out, values
 * write-only. `changed` runs after every change (the desktop app re-sends the
 * values to its backend process then).
 */
export function secretsApi(store: SecretStore, changed: () => void = () => undefined): SecretsApi {
  const after = async (change: Promise<void>) => {
    await change;
    changed();
  };
  return {
    async listSecrets() {
      const weakness = store.weakness();
      return { names: store.names(), ...(weakness ? { weakness } : {}), weakAllowed: store.weakAllowed() };
    },
    setSecret: (name, value) => after(store.set(name, value)),
    renameSecret: (from, to) => after(store.rename(from, to)),
    deleteSecret: (name) => after(store.delete(name)),
    allowWeakSecretStorage: (allow) => store.allowWeakEncryption(allow),
  };
}

/** For a backend whose host keeps the secrets (the desktop app's main process answers these calls itself). */
export function hostOwnedSecrets(): SecretsApi {
  const refuse = async (): Promise<never> => {
    throw new PipewrightError('E_API_002', 'secrets are kept by the app, not by this backend process');
  };
  return { listSecrets: refuse, setSecret: refuse, renameSecret: refuse, deleteSecret: refuse, allowWeakSecretStorage: refuse };
}
