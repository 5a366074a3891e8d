/**
 * A new run id: time-ordered prefix for humans, random suffix for uniqueness.
 * Math.random is enough for that (run ids are not secrets), and unlike
 * node:crypto costs a cold start nothing.
 */
export function newRunId(): string {
  const suffix = Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  return `run_${Date.now().toString(36)}_${suffix}`;
}
