import path from 'node:path';

/** Files the app opens: the pipeline files it is associated with. */
export function isPipelineFile(file: string): boolean {
  return /\.(pipeline|pipewright)\.json$/i.test(file);
}

/**
 * The pipeline file named on a command line (`pipewright file.pipeline.json`,
 * or what the OS passes when one is double-clicked), resolved against the
 * directory that command ran in. Chromium switches are not files.
 */
export function pipelineFileFromArgv(argv: readonly string[], workingDirectory: string): string | undefined {
  const file = [...argv.slice(1)].reverse().find((arg) => !arg.startsWith('-') && isPipelineFile(arg));
  return file === undefined ? undefined : path.resolve(workingDirectory, file);
}
