import path from 'node:path';
import { packagesDir } from '../packages/workspace-packages';

/**
 * What a node may ask of the machine it runs on. Nodes never reach for
 * files or the network directly, so they run the same in every host.
 */
export interface HostApi {
  /** Resolves a path written in the pipeline, relative to the pipeline's folder. */
  resolvePath(relativeOrAbsolute: string): string;
  /** Resolves a path a sink writes to: the pipeline's folder too, unless the host sends outputs elsewhere (an exported script's --out-dir, a pipeline test). */
  resolveOutputPath(relativeOrAbsolute: string): string;
  /** A secret's value: from the app's secret store, or headless from PIPEWRIGHT_SECRET_<NAME>. */
  secret(name: string): string | undefined;
  /** A folder with the npm packages the pipeline declares in its package.json and node_modules; code nodes import from it. */
  packagesDir?: string;
}

export interface LocalHostOptions {
  secrets?: (name: string) => string | undefined;
  /** Where relative output paths resolve; the base folder when not given. */
  outputDir?: string;
  /** Where the pipeline's npm packages are installed; the base folder's `.pipewright/packages` when not given. */
  packagesDir?: string;
}

/** A host on this machine; a function as second argument is the secrets lookup alone. */
export function localHost(baseDir: string, optionsOrSecrets: LocalHostOptions | LocalHostOptions['secrets'] = {}): HostApi {
  const options = typeof optionsOrSecrets === 'function' ? { secrets: optionsOrSecrets } : (optionsOrSecrets ?? {});
  const outputDir = options.outputDir ?? baseDir;
  return {
    resolvePath: (p) => path.resolve(baseDir, p),
    resolveOutputPath: (p) => path.resolve(outputDir, p),
    secret: options.secrets ?? envSecret,
    packagesDir: options.packagesDir ?? packagesDir(baseDir),
  };
}

/** The environment variable a secret comes from when headless. */
export function secretEnvName(name: string): string {
  return `PIPEWRIGHT_SECRET_${name}`;
}

function envSecret(name: string): string | undefined {
  return process.env[secretEnvName(name)];
}
