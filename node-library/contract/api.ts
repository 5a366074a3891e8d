import { z } from 'zod';
import type { RunEvent } from './events';
import type { NodeTypeInfo } from './node-types';
import { pipelineFileSchema, pipelineIdSchema, type PipelineFile, type PipelineSummary } from './pipeline';

export const startRunRequestSchema = z.strictObject({
  pipelineId: pipelineIdSchema,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type StartRunRequest = z.infer<typeof startRunRequestSchema>;

export const runIdSchema = z.string().min(1).max(100);

/**
 * The backend as every host sees it: the Electron preload, the serve-mode
 * WebSocket client and the tests all implement or call exactly this.
 */
export interface PipewrightApi {
  listPipelines(): Promise<PipelineSummary[]>;
  loadPipeline(pipelineId: string): Promise<PipelineFile>;
  savePipeline(pipelineId: string, pipeline: PipelineFile): Promise<void>;
  listNodeTypes(): Promise<NodeTypeInfo[]>;
  startRun(request: StartRunRequest): Promise<{ runId: string }>;
  cancelRun(runId: string): Promise<void>;
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
  listNodeTypes: z.tuple([]),
  startRun: z.tuple([startRunRequestSchema]),
  cancelRun: z.tuple([runIdSchema]),
} satisfies { [M in ApiMethod]: z.ZodTuple };

export const apiMethods = Object.keys(apiArgs) as ApiMethod[];

/** Channel names used over IPC: `app:<namespace>.<method>`. */
export const apiChannels: { [M in ApiMethod]: string } = {
  listPipelines: 'app:pipelines.list',
  loadPipeline: 'app:pipelines.load',
  savePipeline: 'app:pipelines.save',
  listNodeTypes: 'app:nodeTypes.list',
  startRun: 'app:runs.start',
  cancelRun: 'app:runs.cancel',
};
export const runEventChannel = 'app:runs.event';

export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<PipewrightApi[M]>>;
