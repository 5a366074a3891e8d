import * as z from 'zod';

/** UPPER_SNAKE_CASE, starting with a letter: what `{ "$secret": NAME }` and PIPEWRIGHT_SECRET_<NAME> take. */
export const secretNamePattern = /^[A-Z][A-Z0-9_]{0,99}$/;

export const secretNameSchema = z.string().regex(secretNamePattern, 'a secret name is UPPER_SNAKE_CASE starting with a letter, like API_TOKEN, at most 100 characters');

/** Write-only: a value goes to the store and never comes back through the API. */
export const secretValueSchema = z.string().min(1, 'a secret needs a value').max(65_536, 'a secret value is at most 65,536 characters');

/** The secret store as the settings view sees it: names only, never values. */
export interface SecretsInfo {
  names: string[];
  /** Why values cannot be stored safely here (no OS keyring), when that is so. */
  weakness?: string;
  /** The user chose to store values despite the weakness. */
  weakAllowed: boolean;
}
