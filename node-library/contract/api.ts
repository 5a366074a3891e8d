import * as z from 'zod';
import { dependenciesSchema, type Dependencies, type DependencyStatus, type InstallEvent, type InstallResult, type PackageTypes } from './dependencies';
import { partialRunSchema, runStateSchema, runTriggerSchema, type RunEvent } from './events';
import type { NodeTypeInfo } from './node-types';
import { paramValueSchema, pipelineFileSchema, pipelineIdSchema, type PipelineFile, type PipelineProblem, type PipelineSummary } from './pipeline';
import type { LogLine, RunDetail, RunFilter, RunSummary } from './runs';
import type { ScheduleFire, SchedulePreview, ScheduleSummary } from './schedule';
import { secretNameSchema, secretValueSchema, type SecretsInfo } from './secrets';

export const startRunRequestSchema = z.strictObject({
  pipelineId: pipelineIdSchema,
  /** Overrides of the pipeline's declared params, checked against their types before anything runs. */
  params: z.record(z.string(), paramValueSchema).optional(),
  partial: partialRunSchema.optional(),
  concurrency: z.number().int().positive().optional(),
});
export type StartRunRequest = z.infer<typeof startRunRequestSchema>;

export const exportRequestSchema = z.strictObject({
  pipelineId: pipelineIdSchema,
  /** The folder to write, on the machine the backend runs on; new or empty. */
  outDir: z.string().trim().min(1, 'choose a folder to export to').max(4096),
  /** Copy the files the pipeline's sources read (its sample data). */
  includeData: z.boolean().optional(),
  /** A 5-field cron expression: also write a crontab line, a systemd service + timer and a GitHub Actions workflow. */
  cron: z.string().trim().min(1).max(200).optional(),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** What an export wrote: the folder, its files (relative, sorted) and the native packages its package.json lists. */
export interface ExportSummary {
  dir: string;
  files: string[];
  packages: string[];
}

export const pipelineNameSchema = z.string().trim().min(1, 'a pipeline needs a name').max(200);

/** Unsaved changes kept by the autosave, and when they were written (ms since the epoch). */
export interface PipelineDraft {
  pipeline: PipelineFile;
  savedAt: number;
}

export const runIdSchema = z.string().min(1).max(100);

export const fireFilterSchema = z.strictObject({
  pipelineId: pipelineIdSchema.optional(),
  limit: z.number().int().positive().max(10_000).optional(),
});
export type FireFilter = z.infer<typeof fireFilterSchema>;

export const runFilterSchema = z.strictObject({
  pipelineId: pipelineIdSchema.optional(),
  state: runStateSchema.optional(),
  trigger: runTriggerSchema.optional(),
  limit: z.number().int().positive().max(10_000).optional(),
});

/**
 * The backend as every host sees it: the Electron preload, the serve-mode
 * WebSocket client and the tests all implement or call exactly this.
 */
export interface PipewrightApi {
  listPipelines(): Promise<PipelineSummary[]>;
  loadPipeline(pipelineId: string): Promise<PipelineFile>;
  savePipeline(pipelineId: string, pipeline: PipelineFile): Promise<void>;
  /** A new, empty pipeline file; its id is derived from the name and unique in the folder. */
  createPipeline(name: string): Promise<PipelineFile>;
  /** Removes the pipeline's file (and its draft) from the folder. Run history stays. */
  deletePipeline(pipelineId: string): Promise<void>;
  /** Writes `pipeline` (the canvas, saved or not) as a new file named `name`, under a fresh id; never overwrites. */
  savePipelineAs(pipeline: PipelineFile, name: string): Promise<PipelineFile>;
  /**
   * Renames a pipeline: its name, and its id and file name, which follow the
   * name. Its draft and run history move along; a clash with another pipeline is refused.
   */
  renamePipeline(pipelineId: string, name: string): Promise<PipelineFile>;
  /** Copies the pipeline's file under the id `<id>-copy` (`-copy-2`...). */
  duplicatePipeline(pipelineId: string): Promise<PipelineFile>;
  /** Ids of the pipelines last opened in this folder, newest first, at most 10. */
  listRecentPipelines(): Promise<string[]>;
  /** Puts a pipeline first in the recent list; answers the new list. */
  addRecentPipeline(pipelineId: string): Promise<string[]>;
  /** Keeps unsaved changes in the app's data folder until the pipeline is saved or the draft discarded. */
  saveDraft(pipeline: PipelineFile): Promise<void>;
  /** The pipeline's draft when it is newer than the file and differs from it, else null. */
  loadDraft(pipelineId: string): Promise<PipelineDraft | null>;
  discardDraft(pipelineId: string): Promise<void>;
  /** Every problem the loader would report for this pipeline (schema and graph); empty when it is valid. */
  validatePipeline(pipeline: PipelineFile): Promise<PipelineProblem[]>;
  listNodeTypes(): Promise<NodeTypeInfo[]>;
  /** Writes a folder that runs the saved pipeline headless with plain Node (see node-library/export). */
  exportPipeline(request: ExportRequest): Promise<ExportSummary>;
  startRun(request: StartRunRequest): Promise<{ runId: string }>;
  cancelRun(runId: string): Promise<void>;
  /** Re-runs a failed, cancelled or interrupted run from what did not succeed, reusing the rest. */
  resumeRun(runId: string): Promise<{ runId: string }>;
  listRuns(filter: RunFilter): Promise<RunSummary[]>;
  getRun(runId: string): Promise<RunDetail>;
  /** Every stored event of a run, in order: a late subscriber replays from here. */
  getRunEvents(runId: string): Promise<RunEvent[]>;
  getRunLogs(runId: string, nodeId?: string): Promise<LogLine[]>;
  /** A schedule as a person checks it: plain-language description, next 5 fires, the DST rule; or what is wrong with it. */
  previewSchedule(schedule: unknown): Promise<SchedulePreview>;
  /** Every pipeline with a schedule in its file, with its next and last fire. */
  listSchedules(): Promise<ScheduleSummary[]>;
  /** What the scheduler did with each slot (started, skipped and why), newest first. */
  listScheduleFires(filter: FireFilter): Promise<ScheduleFire[]>;
  /** The secret store: names, and whether it can store values safely here. Never a value. */
  listSecrets(): Promise<SecretsInfo>;
  /** Creates a secret or replaces its value. Values are write-only: no method returns one. */
  setSecret(name: string, value: string): Promise<void>;
  /** Renames a secret; pipelines that refer to the old name are not changed. */
  renameSecret(from: string, to: string): Promise<void>;
  deleteSecret(name: string): Promise<void>;
  /** The user's explicit choice to store secrets although listSecrets reports a weakness (no OS keyring). */
  allowWeakSecretStorage(allow: boolean): Promise<void>;
  /**
   * The pipeline's npm packages against the folder's install (installed, outdated, missing).
   * `dependencies` checks a list not saved yet (the editor's) instead of the file's.
   */
  dependencyStatus(pipelineId: string, dependencies?: Dependencies): Promise<DependencyStatus>;
  /**
   * Installs with npm, into `<pipelines folder>/.pipewright/packages`, the packages every pipeline
   * of the folder declares (the saved files); resolves when npm is done. Progress comes as install
   * events. A failure keeps the previous install and answers npm's error (E_DEPS_001).
   */
  installDependencies(pipelineId: string): Promise<InstallResult>;
  /**
   * Files under the pipeline's folder ending in one of `extensions` (all when empty), relative
   * to it with `/` separators, sorted, at most 200: what the inspector suggests for a file param.
   */
  listDataFiles(pipelineId: string, extensions: string[]): Promise<string[]>;
  /** The type declarations of the installed packages the pipeline declares (its saved file), for the code editor. */
  packageTypes(pipelineId: string): Promise<PackageTypes>;
  /** Every run event of every run, live. Returns the unsubscribe function. */
  onRunEvent(listener: (event: RunEvent) => void): () => void;
  /** Progress of every package install, live. Returns the unsubscribe function. */
  onInstallEvent(listener: (event: InstallEvent) => void): () => void;
}

/** Request/response methods: everything but the event subscriptions. */
export type ApiMethod = Exclude<keyof PipewrightApi, 'onRunEvent' | 'onInstallEvent'>;

/**
 * Argument schemas, one per method, checked on the backend side of every
 * transport. `satisfies` makes a method without a schema a compile error.
 */
export const apiArgs = {
  listPipelines: z.tuple([]),
  loadPipeline: z.tuple([pipelineIdSchema]),
  savePipeline: z.tuple([pipelineIdSchema, pipelineFileSchema]),
  createPipeline: z.tuple([pipelineNameSchema]),
  deletePipeline: z.tuple([pipelineIdSchema]),
  savePipelineAs: z.tuple([pipelineFileSchema, pipelineNameSchema]),
  renamePipeline: z.tuple([pipelineIdSchema, pipelineNameSchema]),
  duplicatePipeline: z.tuple([pipelineIdSchema]),
  listRecentPipelines: z.tuple([]),
  addRecentPipeline: z.tuple([pipelineIdSchema]),
  saveDraft: z.tuple([pipelineFileSchema]),
  loadDraft: z.tuple([pipelineIdSchema]),
  discardDraft: z.tuple([pipelineIdSchema]),
  // Only JSON here, not the file schema: schema problems are the answer, not a refusal.
  validatePipeline: z.tuple([z.json()]),
  listNodeTypes: z.tuple([]),
  exportPipeline: z.tuple([exportRequestSchema]),
  startRun: z.tuple([startRunRequestSchema]),
  cancelRun: z.tuple([runIdSchema]),
  resumeRun: z.tuple([runIdSchema]),
  listRuns: z.tuple([runFilterSchema]),
  getRun: z.tuple([runIdSchema]),
  getRunEvents: z.tuple([runIdSchema]),
  getRunLogs: z.union([z.tuple([runIdSchema]), z.tuple([runIdSchema, z.string()])]),
  // Checked by the backend: a draft schedule's problems are the answer, not a refusal.
  previewSchedule: z.tuple([z.unknown()]),
  listSchedules: z.tuple([]),
  listScheduleFires: z.tuple([fireFilterSchema]),
  listSecrets: z.tuple([]),
  setSecret: z.tuple([secretNameSchema, secretValueSchema]),
  renameSecret: z.tuple([secretNameSchema, secretNameSchema]),
  deleteSecret: z.tuple([secretNameSchema]),
  allowWeakSecretStorage: z.tuple([z.boolean()]),
  dependencyStatus: z.union([z.tuple([pipelineIdSchema]), z.tuple([pipelineIdSchema, dependenciesSchema])]),
  installDependencies: z.tuple([pipelineIdSchema]),
  packageTypes: z.tuple([pipelineIdSchema]),
  listDataFiles: z.tuple([pipelineIdSchema, z.array(z.string().max(20)).max(20)]),
} satisfies { [M in ApiMethod]: z.ZodType<unknown[]> };

export const apiMethods = Object.keys(apiArgs) as ApiMethod[];

/** Channel names used over IPC: `app:<namespace>.<method>`. */
export const apiChannels: { [M in ApiMethod]: string } = {
  listPipelines: 'app:pipelines.list',
  loadPipeline: 'app:pipelines.load',
  savePipeline: 'app:pipelines.save',
  createPipeline: 'app:pipelines.create',
  deletePipeline: 'app:pipelines.delete',
  savePipelineAs: 'app:pipelines.saveAs',
  renamePipeline: 'app:pipelines.rename',
  duplicatePipeline: 'app:pipelines.duplicate',
  listRecentPipelines: 'app:recent.list',
  addRecentPipeline: 'app:recent.add',
  saveDraft: 'app:drafts.save',
  loadDraft: 'app:drafts.load',
  discardDraft: 'app:drafts.discard',
  validatePipeline: 'app:pipelines.validate',
  listNodeTypes: 'app:nodeTypes.list',
  exportPipeline: 'app:pipelines.export',
  startRun: 'app:runs.start',
  cancelRun: 'app:runs.cancel',
  resumeRun: 'app:runs.resume',
  listRuns: 'app:runs.list',
  getRun: 'app:runs.get',
  getRunEvents: 'app:runs.events',
  getRunLogs: 'app:runs.logs',
  previewSchedule: 'app:schedules.preview',
  listSchedules: 'app:schedules.list',
  listScheduleFires: 'app:schedules.fires',
  listSecrets: 'app:secrets.list',
  setSecret: 'app:secrets.set',
  renameSecret: 'app:secrets.rename',
  deleteSecret: 'app:secrets.delete',
  allowWeakSecretStorage: 'app:secrets.allowWeak',
  dependencyStatus: 'app:dependencies.status',
  installDependencies: 'app:dependencies.install',
  packageTypes: 'app:dependencies.types',
  listDataFiles: 'app:files.list',
};
export const runEventChannel = 'app:runs.event';
export const installEventChannel = 'app:dependencies.event';

export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<PipewrightApi[M]>>;
