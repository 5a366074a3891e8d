import { z } from 'zod';
import { partialRunSchema, runStateSchema, runTriggerSchema, type RunEvent } from './events';
import type { NodeTypeInfo } from './node-types';
import { paramValueSchema, pipelineFileSchema, pipelineIdSchema, type PipelineFile, type PipelineProblem, type PipelineSummary } from './pipeline';
import type { LogLine, RunDetail, RunFilter, RunSummary } from './runs';

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

export const runIdSchema = z.string().min(1).max(100);

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
  /** Removes the pipeline's file from the folder. Run history stays. */
  deletePipeline(pipelineId: string): Promise<void>;
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
  /** Every run event of every run, live. Returns the unsubscribe function. */
  onRunEvent(listener: (event: RunEvent) => void): () => void;
}

/** Request/response methods: everything but the event subscription. */
export type ApiMethod = Exclude<keyof PipewrightApi, 'onRunEvent'>;

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
  // Not checked against the file schema here: schema problems are the answer, not a refusal.
  validatePipeline: z.tuple([z.unknown()]),
  listNodeTypes: z.tuple([]),
  exportPipeline: z.tuple([exportRequestSchema]),
  startRun: z.tuple([startRunRequestSchema]),
  cancelRun: z.tuple([runIdSchema]),
  resumeRun: z.tuple([runIdSchema]),
  listRuns: z.tuple([runFilterSchema]),
  getRun: z.tuple([runIdSchema]),
  getRunEvents: z.tuple([runIdSchema]),
  getRunLogs: z.union([z.tuple([runIdSchema]), z.tuple([runIdSchema, z.string()])]),
} satisfies { [M in ApiMethod]: z.ZodType<unknown[]> };

export const apiMethods = Object.keys(apiArgs) as ApiMethod[];

/** Channel names used over IPC: `app:<namespace>.<method>`. */
export const apiChannels: { [M in ApiMethod]: string } = {
  listPipelines: 'app:pipelines.list',
  loadPipeline: 'app:pipelines.load',
  savePipeline: 'app:pipelines.save',
  createPipeline: 'app:pipelines.create',
  deletePipeline: 'app:pipelines.delete',
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
};
export const runEventChannel = 'app:runs.event';

export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<PipewrightApi[M]>>;
