import path from 'node:path';

/**
 * What a node may ask of the machine it runs on. Nodes never reach for
 * files or the network directly, so they run the same in every host.
 */
export interface HostApi {
  /** Resolves a path written in the pipeline, relative to the pipeline's folder. */
  resolvePath(relativeOrAbsolute: string): string;
}

export function localHost(baseDir: string): HostApi {
  return { resolvePath: (p) => path.resolve(baseDir, p) };
}
