import { z } from 'zod';

export const nodeStates = ['pending', 'queued', 'running', 'retrying', 'succeeded', 'failed', 'skipped', 'cancelled'] as const;
export const nodeStateSchema = z.enum(nodeStates);
export type NodeState = z.infer<typeof nodeStateSchema>;

export const runStateSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled', 'interrupted']);
export type RunState = z.infer<typeof runStateSchema>;

export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof logLevelSchema>;

const errorInfoSchema = z.object({ code: z.string(), message: z.string(), stack: z.string().optional() });

const base = { runId: z.string(), at: z.number() };

/**
 * Everything a run says, as one stream: status, logs, previews and history
 * are all views of it.
 */
export const runEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run:start'), ...base, pipelineId: z.string(), nodeIds: z.array(z.string()) }),
  z.object({
    type: z.literal('node:state'),
    ...base,
    nodeId: z.string(),
    state: nodeStateSchema,
    attempt: z.number().int().optional(),
    reason: z.string().optional(),
    error: errorInfoSchema.optional(),
  }),
  z.object({ type: z.literal('node:log'), ...base, nodeId: z.string(), level: logLevelSchema, message: z.string() }),
  z.object({
    type: z.literal('node:preview'),
    ...base,
    nodeId: z.string(),
    port: z.string(),
    columns: z.array(z.object({ name: z.string(), type: z.string() })),
    rows: z.array(z.array(z.unknown())),
    totalRows: z.number(),
  }),
  z.object({ type: z.literal('run:finish'), ...base, state: runStateSchema, error: errorInfoSchema.optional() }),
]);

export type RunEvent = z.infer<typeof runEventSchema>;
export type RunEventOf<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;
