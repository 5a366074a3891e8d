import { z } from 'zod';

/** The current file format. Older ones are migrated forward on load. */
export const PIPELINE_FORMAT = 'pipewright/pipeline@1';

/** Ids are human-readable and stable: `filter_1`, `orders`, `big-orders`. */
const idPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const nodeIdSchema = z.string().regex(idPattern, 'must start with a letter and hold only letters, digits, _ and - (at most 64)');
export const portIdSchema = z.string().regex(idPattern, 'must start with a letter and hold only letters, digits, _ and -');
export const pipelineIdSchema = nodeIdSchema;

export const nodeTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'must look like category.action, e.g. transform.filter');

export const triggerRuleSchema = z.enum(['all_success', 'all_done', 'one_failed']);

export const pipelineNodeSchema = z.strictObject({
  id: nodeIdSchema,
  type: nodeTypeSchema,
  version: z.number().int().positive().default(1),
  label: z.string().max(200).optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  /** Code nodes keep their source as lines, so a diff shows the changed lines. */
  code: z.array(z.string()).optional(),
  retries: z.number().int().min(0).optional(),
  retryDelayMs: z.number().int().min(0).optional(),
  timeoutMs: z.number().int().positive().optional(),
  cache: z.boolean().optional(),
  trigger: triggerRuleSchema.optional(),
});

export const endpointSchema = z.strictObject({ node: nodeIdSchema, port: portIdSchema });

export const pipelineEdgeSchema = z.strictObject({
  id: z.string().min(1).max(200),
  from: endpointSchema,
  to: endpointSchema,
});

export const pipelineParamSchema = z.strictObject({
  type: z.enum(['string', 'number', 'boolean']),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  description: z.string().optional(),
});

/** Canvas-only data, kept apart so moving a node never changes the logic. */
export const nodeLayoutSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

export const pipelineFileSchema = z.strictObject({
  format: z.literal(PIPELINE_FORMAT),
  id: pipelineIdSchema,
  name: z.string().min(1).max(200),
  description: z.string().default(''),
  params: z.record(z.string(), pipelineParamSchema).default({}),
  nodes: z.array(pipelineNodeSchema),
  edges: z.array(pipelineEdgeSchema).default([]),
  layout: z.record(z.string(), nodeLayoutSchema).default({}),
  schedule: z.unknown().optional(),
});

export type PipelineFile = z.infer<typeof pipelineFileSchema>;
export type PipelineNode = z.infer<typeof pipelineNodeSchema>;
export type PipelineEdge = z.infer<typeof pipelineEdgeSchema>;
export type NodeLayout = z.infer<typeof nodeLayoutSchema>;
export type TriggerRule = z.infer<typeof triggerRuleSchema>;

export interface PipelineSummary {
  id: string;
  name: string;
  description: string;
  nodeCount: number;
}

/** One problem found while loading or validating, naming where it is. */
export interface PipelineProblem {
  code: string;
  /** JSON path inside the file, e.g. `nodes.2.params.threshold`. */
  path: string;
  nodeId?: string;
  message: string;
}
