import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Dependencies, DependencyStatus, PackageStatus } from '../contract';

/**
 * Where a workspace (a folder of pipelines) installs the npm packages its
 * pipelines declare: `<folder>/.pipewright/packages`, a package.json and its
 * node_modules. Code nodes import from here, and only what their pipeline declares.
 */
export function packagesDir(workspaceDir: string): string {
  return path.join(path.resolve(workspaceDir), '.pipewright', 'packages');
}

/** The spec npm is given: a relative `file:` path resolves against the pipeline's folder, not the install folder. */
export function npmSpec(spec: string, baseDir: string): string {
  if (!spec.startsWith('file:')) return spec;
  const target = spec.slice('file:'.length);
  return target.startsWith('~') || path.isAbsolute(target) ? spec : `file:${path.resolve(baseDir, target)}`;
}

/** The specs the last install was made from (its package.json), by package name. */
export async function installedSpecs(dir: string): Promise<Record<string, string>> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    return manifest.dependencies ?? {};
  } catch {
    return {};
  }
}

/** The version in node_modules, or undefined when the package is not there. */
async function installedVersion(dir: string, name: string): Promise<string | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '';
  } catch {
    return undefined;
  }
}

/** Each declared package against the install in `dir`: installed from the same spec, from another, or missing. */
export async function packageStatuses(declared: Dependencies, baseDir: string, dir: string): Promise<PackageStatus[]> {
  const specs = await installedSpecs(dir);
  return Promise.all(
    Object.entries(declared)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(async ([name, spec]): Promise<PackageStatus> => {
        const version = await installedVersion(dir, name);
        const state = version === undefined ? 'missing' : specs[name] === npmSpec(spec, baseDir) ? 'installed' : 'outdated';
        return { name, spec, state, ...(version ? { version } : {}) };
      }),
  );
}

export async function dependencyStatus(declared: Dependencies | undefined, baseDir: string, dir: string, installing: boolean): Promise<DependencyStatus> {
  const packages = await packageStatuses(declared ?? {}, baseDir, dir);
  const state = packages.length === 0 ? 'none' : packages.every((p) => p.state === 'installed') ? 'installed' : 'install-needed';
  return { state, packages, dir, installing };
}

/** The name of the package.json an install writes: an exported folder's own package.json is not one. */
export const installManifestName = 'pipewright-workspace-packages';

interface Install {
  /** Changes with every install. */
  stamp: string;
  /** The specs of a Pipewright install (not of an exported folder's package.json), by package name. */
  specs?: Record<string, string>;
}

const stampCache = new Map<string, { mtimeMs: number; specs?: Record<string, string> }>();

/**
 * Which install `dir` holds now (its package.json's time; `none`) and the
 * specs it was made from, read again only when the time changes: code nodes
 * ask at every call, and runners keep modules of one install only.
 */
export function currentInstall(dir: string): Install {
  const file = path.join(dir, 'package.json');
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return { stamp: 'none' };
  }
  let entry = stampCache.get(dir);
  if (entry?.mtimeMs !== mtimeMs) {
    let specs: Record<string, string> | undefined;
    try {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; dependencies?: Record<string, string> };
      if (manifest.name === installManifestName) specs = manifest.dependencies ?? {};
    } catch {
      // A half-written manifest reads as nothing installed; the next call reads it again.
    }
    entry = { mtimeMs, specs };
    stampCache.set(dir, entry);
  }
  return { stamp: String(mtimeMs), specs: entry.specs };
}
