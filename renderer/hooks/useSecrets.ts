import { useCallback, useEffect, useMemo, useState } from 'react';
import { secretNameSchema, secretValueSchema, type SecretsInfo } from '../../node-library/contract';
import { api } from '../api/client';

export interface SecretsView {
  /** Names and the store's weakness; null until loaded. */
  info: SecretsInfo | null;
  /** What went wrong last, naming the secret and the problem. */
  error: string | null;
  busy: boolean;
  /** Each resolves true when done; false when refused (the reason is in `error`). */
  add(name: string, value: string): Promise<boolean>;
  setValue(name: string, value: string): Promise<boolean>;
  rename(from: string, to: string): Promise<boolean>;
  remove(name: string): Promise<boolean>;
  allowWeak(allow: boolean): Promise<boolean>;
}

/** The first problem a schema finds, or undefined. */
const problem = (schema: typeof secretNameSchema, value: string) => schema.safeParse(value).error?.issues[0]?.message;

/**
 * The secrets settings view's commands. Names and values are checked here
 * against the contract's schemas, so a typo is explained before a call; the
 * backend checks again and its refusals come back in `error`.
 */
export function useSecrets(): SecretsView {
  const [info, setInfo] = useState<SecretsInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.listSecrets().then(setInfo, (err: unknown) => setError(`Could not list the secrets: ${(err as Error).message}`));
  }, []);

  const perform = useCallback(async (failure: string, check: string | undefined, action: () => Promise<void>): Promise<boolean> => {
    if (check) {
      setError(`${failure}: ${check}`);
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      await action();
      setInfo(await api.listSecrets());
      return true;
    } catch (err) {
      setError(`${failure}: ${(err as Error).message}`);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return useMemo((): SecretsView => {
    const exists = (name: string) => info?.names.includes(name) ?? false;
    return {
      info,
      error,
      busy,
      add: (name, value) =>
        perform(
          `Could not add ${name || 'the secret'}`,
          problem(secretNameSchema, name) ?? (exists(name) ? `a secret named ${name} exists already; use its Set value to replace the value` : problem(secretValueSchema, value)),
          () => api.setSecret(name, value),
        ),
      setValue: (name, value) => perform(`Could not set the value of ${name}`, problem(secretValueSchema, value), () => api.setSecret(name, value)),
      rename: (from, to) =>
        perform(
          `Could not rename ${from} to ${to || '(empty)'}`,
          problem(secretNameSchema, to) ?? (to !== from && exists(to) ? `a secret named ${to} exists already` : undefined),
          () => api.renameSecret(from, to),
        ),
      remove: (name) => perform(`Could not delete ${name}`, undefined, () => api.deleteSecret(name)),
      allowWeak: async (allow) => {
        // The checkbox follows the click at once; a refusal puts it back.
        const withChoice = (weakAllowed: boolean) => setInfo((current) => current && { ...current, weakAllowed });
        withChoice(allow);
        const done = await perform('Could not change the choice', undefined, () => api.allowWeakSecretStorage(allow));
        if (!done) withChoice(!allow);
        return done;
      },
    };
  }, [info, error, busy, perform]);
}
