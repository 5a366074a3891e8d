import { randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PipewrightError, type Dependencies, type DependencyStatus, type InstallEvent, type InstallResult } from '../contract';
import { runNpm } from './npm-process';
import { dependencyStatus, installManifestName, npmSpec, packagesDir, packageStatuses } from './workspace-packages';

/** What one pipeline of the workspace declares; relative `file:` specs resolve against baseDir. */
export interface Declaration {
  pipelineId: string;
  dependencies: Dependencies;
  baseDir: string;
}

export const npmInstallArgs = [
  'install',
  '--no-audit',
  '--no-fund',
  // file: packages are copied, not linked: runners may read the install folder only.
  '--install-links',
  // Install scripts would run outside the sandbox, and what they build (native addons) cannot load in a runner anyway.
  '--ignore-scripts',
  '--no-update-notifier',
  '--color=false',
  // One line per registry request: the progress a person sees.
  '--loglevel=http',
];

/**
 * The workspace's npm packages: installs the union of what its pipelines
 * declare into `<folder>/.pipewright/packages`, one install at a time. An
 * install is made in a staging folder (a copy of the current one, so npm
 * only fetches what changed) and swapped in when npm succeeds: a failed
 * install leaves the previous one as it was.
 */
export class WorkspacePackages {
  readonly dir: string;
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private readonly listeners = new Set<(event: InstallEvent) => void>();

  constructor(private readonly workspaceDir: string) {
    this.dir = packagesDir(workspaceDir);
  }

  get installing(): boolean {
    return this.pending > 0;
  }

  onEvent(listener: (event: InstallEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(declared: Dependencies | undefined): Promise<DependencyStatus> {
    return dependencyStatus(declared, this.workspaceDir, this.dir, this.installing);
  }

  /** Installs for `pipelineId` (its packages are what the answer reports) everything the workspace declares. */
  install(pipelineId: string, declarations: Declaration[], signal?: AbortSignal): Promise<InstallResult> {
    const wanted = unionOf(declarations);
    const declared = declarations.find((d) => d.pipelineId === pipelineId)?.dependencies ?? {};
    this.pending++;
    const run = this.queue.then(() => this.installNow(pipelineId, wanted, declared, signal));
    this.queue = run.catch(() => undefined).finally(() => this.pending--);
    return run;
  }

  private async installNow(pipelineId: string, wanted: Dependencies, declared: Dependencies, signal?: AbortSignal): Promise<InstallResult> {
    const installId = randomBytes(6).toString('hex');
    const started = Date.now();
    const emit = (event: InstallEvent) => {
      for (const listener of this.listeners) listener(event);
    };
    const phase = (p: 'preparing' | 'npm' | 'swapping', message: string) => emit({ type: 'install:phase', installId, pipelineId, phase: p, message });
    const fail = (message: string): never => {
      emit({ type: 'install:failed', installId, pipelineId, message });
      throw new PipewrightError('E_DEPS_001', message);
    };
    const stage = `${this.dir}.staging-${installId}`;
    try {
      phase('preparing', `preparing ${Object.keys(wanted).length} package(s) in ${this.dir}`);
      await this.removeLeftovers();
      await mkdir(stage, { recursive: true });
      await writeFile(path.join(path.dirname(this.dir), '.gitignore'), '# Installed packages; recreated by Install in the pipeline inspector.\n*\n');
      // node_modules and the lock of the current install come along: npm then fetches only what changed.
      await cp(path.join(this.dir, 'node_modules'), path.join(stage, 'node_modules'), { recursive: true, verbatimSymlinks: true }).catch(ignoreMissing);
      await cp(path.join(this.dir, 'package-lock.json'), path.join(stage, 'package-lock.json')).catch(ignoreMissing);
      const manifest = { name: installManifestName, version: '0.0.0', private: true, description: 'npm packages the pipelines of this folder declare, installed by Pipewright', dependencies: wanted };
      await writeFile(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      phase('npm', `npm ${npmInstallArgs.join(' ')}`);
      const result = await runNpm({ cwd: stage, args: npmInstallArgs, signal, onLine: (stream, line) => emit({ type: 'install:output', installId, pipelineId, stream, line }) });
      if (result.code !== 0) fail(`npm install failed (exit ${result.code}); the previous install is kept:\n${result.errorLines.join('\n')}`);
      phase('swapping', 'putting the new install in place');
      await this.swapIn(stage, installId);
    } catch (error) {
      await rm(stage, { recursive: true, force: true });
      if (error instanceof PipewrightError) throw error;
      fail(`installing packages failed; the previous install is kept: ${(error as Error).message}`);
    }
    const packages = await packageStatuses(declared, this.workspaceDir, this.dir);
    const durationMs = Date.now() - started;
    emit({ type: 'install:done', installId, pipelineId, packages, durationMs });
    return { installId, packages, durationMs };
  }

  /** Two renames: the old install goes aside, the staged one takes its name, then the old one is removed. */
  private async swapIn(stage: string, installId: string): Promise<void> {
    const old = `${this.dir}.old-${installId}`;
    const hadOld = await rename(this.dir, old).then(() => true, ignoreMissing);
    try {
      await rename(stage, this.dir);
    } catch (error) {
      if (hadOld) await rename(old, this.dir);
      throw error;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
  }

  /** Staging and old folders a crash left behind (no install runs now: installs are serialised). */
  private async removeLeftovers(): Promise<void> {
    const parent = path.dirname(this.dir);
    const prefix = `${path.basename(this.dir)}.`;
    for (const name of await readdir(parent).catch(() => [] as string[])) {
      if (name.startsWith(prefix) && /\.(staging|old)-[0-9a-f]+$/.test(name)) await rm(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/** Every package the workspace declares, once; two pipelines asking for different specs of one package are refused. */
export function unionOf(declarations: Declaration[]): Dependencies {
  const wanted = new Map<string, { spec: string; pipelineId: string; declared: string }>();
  const conflicts: string[] = [];
  for (const { pipelineId, dependencies, baseDir } of declarations) {
    for (const [name, declared] of Object.entries(dependencies)) {
      const spec = npmSpec(declared, baseDir);
      const first = wanted.get(name);
      if (!first) wanted.set(name, { spec, pipelineId, declared });
      else if (first.spec !== spec) conflicts.push(`- ${name}: "${first.declared}" in ${first.pipelineId}, "${declared}" in ${pipelineId}`);
    }
  }
  if (conflicts.length > 0) {
    throw new PipewrightError('E_DEPS_002', `pipelines of this folder declare different versions of a package; a folder installs one version of each, so declare the same version in each pipeline:\n${conflicts.join('\n')}`);
  }
  return Object.fromEntries([...wanted].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, { spec }]) => [name, spec]));
}

function ignoreMissing(error: NodeJS.ErrnoException): false {
  if (error.code === 'ENOENT') return false;
  throw error;
}
