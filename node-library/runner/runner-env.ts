/** Variables a runner may see; the app's own environment never reaches user code. */
const envAllowlist = ['TZ', 'LANG', 'LC_ALL', 'LC_CTYPE', 'SYSTEMROOT'];

/**
 * glibc keeps freed memory up to these sizes for reuse instead of handing it back to the OS, so a
 * warm runner reads the next table into pages it has already touched: faulting in a fresh 3 MB
 * buffer took 10 ms on the 2-core bench machine, reusing one 0.5 ms. Read by the C library at
 * start; the runner then removes them, so user code sees the allowlist only. Inert elsewhere.
 */
export const mallocTuning: Record<string, string> = { MALLOC_MMAP_THRESHOLD_: String(32 * 2 ** 20), MALLOC_TRIM_THRESHOLD_: String(64 * 2 ** 20) };

/** A runner's environment: the allowlisted variables, the malloc tuning, and Electron's switch to plain Node. */
export function runnerEnv(): Record<string, string> {
  const env: Record<string, string> = { ...mallocTuning };
  for (const name of envAllowlist) if (process.env[name] !== undefined) env[name] = process.env[name]!;
  // Electron's own binary runs the runner as plain Node.
  if (process.versions.electron) env.ELECTRON_RUN_AS_NODE = '1';
  return env;
}
