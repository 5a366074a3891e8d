import * as z from 'zod';

export const nodeStates = ['pending', 'queued', 'running', 'retrying', 'succeeded', 'failed', 'skipped', 'cancelled'] as const;
export const nodeStateSchema = z.enum(nodeStates);
export type NodeState = z.infer<typeof nodeStateSchema>;

export const runStateSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled', 'interrupted']);
export type RunState = z.infer<typeof runStateSchema>;

export const runTriggerSchema = z.enum(['manual', 'cli', 'schedule']);
export type RunTrigger = z.infer<typeof runTriggerSchema>;

/** Part of a pipeline: one node, everything up to a node, or everything from a node. */
export const partialRunSchema = z.strictObject({ mode: z.enum(['node', 'upTo', 'from']), nodeId: z.string() });
export type PartialRun = z.infer<typeof partialRunSchema>;

export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof logLevelSchema>;

const errorInfoSchema = z.object({ code: z.string(), message: z.string(), stack: z.string().optional() });

const base = { runId: z.string(), at: z.number() };

/**
 * Everything a run says, as one stream: status, logs, previews and history
 * are all views of it.
 */
export const runEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run:start'),
    ...base,
    pipelineId: z.string(),
    nodeIds: z.array(z.string()),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    trigger: runTriggerSchema.default('manual'),
    partial: partialRunSchema.optional(),
    resumedFrom: z.string().optional(),
  }),
  z.object({
    type: z.literal('node:state'),
    ...base,
    nodeId: z.string(),
    state: nodeStateSchema,
    /** Set on the states of one mapped item; absent for the node as a whole. */
    item: z.number().int().optional(),
    attempt: z.number().int().optional(),
    /** Output taken from the cache, or from an earlier run (resume, partial run). */
    cached: z.boolean().optional(),
    reused: z.string().optional(),
    durationMs: z.number().optional(),
    reason: z.string().optional(),
    error: errorInfoSchema.optional(),
  }),
  z.object({
    type: z.literal('node:log'),
    ...base,
    nodeId: z.string(),
    item: z.number().int().optional(),
    attempt: z.number().int().optional(),
    level: logLevelSchema,
    message: z.string(),
  }),
  z.object({
    type: z.literal('node:items'),
    ...base,
    nodeId: z.string(),
    /**
     * Ended attempts of a mapped node's items, in the order they ended. Batched
     * (up to 1,000, or what 100 ms brought) so 10,000 items are a few events,
     * not 20,000; each item still has its own attempts, states and errors.
     */
    attempts: z.array(
      z.object({
        item: z.number().int(),
        attempt: z.number().int(),
        state: z.enum(['retrying', 'succeeded', 'failed']),
        startedAt: z.number(),
        finishedAt: z.number(),
        error: errorInfoSchema.optional(),
      }),
    ),
  }),
  z.object({
    type: z.literal('node:preview'),
    ...base,
    nodeId: z.string(),
    port: z.string(),
    /** A table output: its schema (DuckDB types), its first rows and its row count. Empty for a value preview. */
    columns: z.array(z.object({ name: z.string(), type: z.string() })),
    rows: z.array(z.array(z.unknown())),
    /** Rows of a table; items of a JSON array; 1 for any other value. */
    totalRows: z.number(),
    /** A json or text output: its JSON text (text as it is), cut at about 10 KB, and its whole size in bytes. */
    value: z.object({ text: z.string(), bytes: z.number(), truncated: z.boolean() }).optional(),
  }),
  z.object({ type: z.literal('run:finish'), ...base, state: runStateSchema, error: errorInfoSchema.optional() }),
]);

export type RunEvent = z.infer<typeof runEventSchema>;
export type RunEventOf<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;
