import * as z from 'zod';

/**
 * npm's package-name rules (validate-npm-package-name): at most 214
 * characters, URL-safe, no leading `.` or `_`, optionally `@scope/`.
 * Capitals are allowed because older packages (JSONStream) have them.
 */
const packageNamePattern = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[A-Za-z0-9-~][A-Za-z0-9-._~]*$/;

/** What a version spec may look like: a range or dist-tag, `npm:` alias, `file:` folder, git or tarball URL. */
const specPattern = /^(?:file:.+|npm:.+|git(?:hub|lab)?:\S+|bitbucket:\S+|git\+\S+|https?:\/\/\S+|[\w.-]+\/[\w.-]+(?:#\S+)?|[\w.*^~<>=|\- +]+)$/;

/** Why `name` is not an npm package name, or undefined when it is one. */
export function packageNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a package needs a name';
  if (name.length > 214) return `"${name.slice(0, 40)}...": a package name is at most 214 characters`;
  if (/^[._]/.test(name)) return `"${name}": a package name cannot start with . or _`;
  if (name !== name.trim() || !packageNamePattern.test(name)) {
    return `"${name}" is not an npm package name: use letters, digits, - . _ ~, optionally with a scope like @scope/name`;
  }
  if (name === 'node_modules' || name === 'favicon.ico') return `"${name}" is not allowed as a package name`;
  return undefined;
}

/** Why `spec` is not a version spec npm installs, or undefined when it is one. */
export function versionSpecProblem(name: string, spec: string): string | undefined {
  if (spec.trim().length === 0) return `${name}: give a version, e.g. "^1.2.0", "latest" or "file:../my-package"`;
  if (spec.length > 1000) return `${name}: the version spec is longer than 1,000 characters`;
  if (/^(?:link|workspace|portal):/.test(spec)) return `${name}: npm does not install "${spec}"; use "file:<folder>" for a package on this machine`;
  if (spec !== spec.trim() || !specPattern.test(spec)) {
    return `${name}: "${spec}" is not a version spec: use a range ("^1.2.0", "~2.1", "1.x"), a tag ("latest"), "file:<folder>", "npm:<name>@<range>" or a git or https URL`;
  }
  return undefined;
}

/**
 * npm packages the pipeline's code nodes may import, like package.json's
 * `dependencies`: name -> version spec. Relative `file:` paths resolve
 * against the pipeline's folder. Every problem names its entry.
 */
export const dependenciesSchema = z.record(z.string(), z.string()).superRefine((record, ctx) => {
  for (const [name, spec] of Object.entries(record)) {
    const problem = packageNameProblem(name) ?? versionSpecProblem(name, spec);
    if (problem) ctx.addIssue({ code: 'custom', path: [name], message: problem });
  }
});
export type Dependencies = z.infer<typeof dependenciesSchema>;

/**
 * One declared package against the workspace's install: `installed` (the
 * same spec was installed), `outdated` (installed from another spec) or
 * `missing`.
 */
export interface PackageStatus {
  name: string;
  spec: string;
  state: 'installed' | 'outdated' | 'missing';
  /** The version in node_modules, when there is one. */
  version?: string;
}

/** A pipeline's dependencies against what its workspace has installed. */
export interface DependencyStatus {
  /** `none` when the pipeline declares nothing; `installed` when every package is; else `install-needed`. */
  state: 'none' | 'installed' | 'install-needed';
  packages: PackageStatus[];
  /** The workspace's install folder. */
  dir: string;
  /** An install of this workspace is running now. */
  installing: boolean;
}

/**
 * The type declarations of a pipeline's installed packages, for the code
 * editor: each file by its path under the install (`node_modules/<name>/...`),
 * the package.json files among them so imports resolve to their `types`.
 */
export interface PackageTypes {
  files: { path: string; text: string }[];
  /** The declared packages that have declarations (their own or `@types/...`); the others import as `any`. */
  typed: string[];
}

/**
 * Progress of an install, streamed while `installDependencies` runs:
 * phases, npm's output line by line, then `done` or `failed` (with npm's
 * error text).
 */
export type InstallEvent =
  | { type: 'install:phase'; installId: string; pipelineId: string; phase: 'preparing' | 'npm' | 'swapping'; message: string }
  | { type: 'install:output'; installId: string; pipelineId: string; stream: 'stdout' | 'stderr'; line: string }
  | { type: 'install:done'; installId: string; pipelineId: string; packages: PackageStatus[]; durationMs: number }
  | { type: 'install:failed'; installId: string; pipelineId: string; message: string };

/** What `installDependencies` answers: the install's id and the pipeline's packages as installed. */
export interface InstallResult {
  installId: string;
  packages: PackageStatus[];
  durationMs: number;
}
