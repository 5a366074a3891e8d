import { randomBytes } from 'node:crypto';

/** A new run id: time-ordered prefix for humans, random suffix for uniqueness. */
export function newRunId(): string {
  return `run_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}
