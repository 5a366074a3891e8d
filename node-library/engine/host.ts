import path from 'node:path';

/**
 * What a node may ask of the machine it runs on. Nodes never reach for
 * files or the network directly, so they run the same in every host.
 */
export interface HostApi {
  /** Resolves a path written in the pipeline, relative to the pipeline's folder. */
  resolvePath(relativeOrAbsolute: string): string;
  /** A secret's value: from the app's secret store, or headless from PIPEWRIGHT_SECRET_<NAME>. */
  secret(name: string): string | undefined;
}

export function localHost(baseDir: string, secrets: (name: string) => string | undefined = envSecret): HostApi {
  return { resolvePath: (p) => path.resolve(baseDir, p), secret: secrets };
}

function envSecret(name: string): string | undefined {
  return process.env[`PIPEWRIGHT_SECRET_${name}`];
}
