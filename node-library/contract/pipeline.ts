import * as z from 'zod';
import { dependenciesSchema } from './dependencies';
import { portTypes } from './node-types';
import { scheduleSchema } from './schedule';

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

/** A port a user declared on a node whose type lets ports be edited (code nodes). */
export const declaredPortSchema = z.strictObject({
  id: portIdSchema,
  type: z.enum(portTypes),
  label: z.string().max(200).optional(),
  optional: z.boolean().optional(),
});

export const triggerRuleSchema = z.enum(['all_success', 'all_done', 'one_failed']);

export const pipelineNodeSchema = z.strictObject({
  id: nodeIdSchema,
  type: nodeTypeSchema,
  version: z.number().int().positive().default(1),
  label: z.string().max(200).optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  /** Code nodes keep their source as lines, so a diff shows the changed lines. */
  code: z.array(z.string()).optional(),
  /** Ports declared per node, for node types with `editablePorts`; they replace the type's own. */
  ports: z.strictObject({ inputs: z.array(declaredPortSchema), outputs: z.array(declaredPortSchema) }).optional(),
  /** Names of the secrets this node may read; no other secret reaches it. */
  secrets: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a name like API_TOKEN')).optional(),
  /** Extra attempts after the first; attempt n waits retryDelayMs * retryBackoff^(n-2), at most retryMaxDelayMs. */
  retries: z.number().int().min(0).optional(),
  retryDelayMs: z.number().int().min(0).optional(),
  retryBackoff: z.number().min(1).optional(),
  retryMaxDelayMs: z.number().int().min(0).optional(),
  timeoutMs: z.number().int().positive().optional(),
  cache: z.boolean().optional(),
  trigger: triggerRuleSchema.optional(),
  /** Run once per item of the list arriving on this input port; outputs are collected in order. */
  mapOver: portIdSchema.optional(),
});

export const endpointSchema = z.strictObject({ node: nodeIdSchema, port: portIdSchema });

export const pipelineEdgeSchema = z.strictObject({
  id: z.string().min(1).max(200),
  from: endpointSchema,
  to: endpointSchema,
});

export const paramValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type ParamValue = z.infer<typeof paramValueSchema>;

/** A run parameter; one without a default must be given for every run. */
export const pipelineParamSchema = z.strictObject({
  type: z.enum(['string', 'number', 'boolean']),
  default: paramValueSchema.optional(),
  description: z.string().optional(),
});
export type PipelineParam = z.infer<typeof pipelineParamSchema>;

/** Canvas-only data, kept apart so moving a node never changes the logic. */
export const nodeLayoutSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

/** Where an annotation sits on the canvas, in flow coordinates. */
const annotationBox = {
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
};

/** A titled frame around a part of the canvas; dragging it moves what lies inside. */
export const frameAnnotationSchema = z.strictObject({
  id: nodeIdSchema,
  kind: z.literal('frame'),
  title: z.string().max(200),
  ...annotationBox,
});

/** A sticky note in Markdown, kept as lines so a diff shows the changed lines. */
export const noteAnnotationSchema = z.strictObject({
  id: nodeIdSchema,
  kind: z.literal('note'),
  text: z.array(z.string()),
  ...annotationBox,
});

/** Canvas-only like `layout`: frames and notes never change what a pipeline does. */
export const annotationSchema = z.discriminatedUnion('kind', [frameAnnotationSchema, noteAnnotationSchema]);

export const pipelineFileSchema = z.strictObject({
  format: z.literal(PIPELINE_FORMAT),
  id: pipelineIdSchema,
  name: z.string().min(1).max(200),
  description: z.string().default(''),
  params: z.record(z.string(), pipelineParamSchema).default({}),
  /** npm packages code nodes may import (name -> version spec), installed per workspace on request. */
  dependencies: dependenciesSchema.optional(),
  nodes: z.array(pipelineNodeSchema),
  edges: z.array(pipelineEdgeSchema).default([]),
  layout: z.record(z.string(), nodeLayoutSchema).default({}),
  annotations: z.array(annotationSchema).optional(),
  /** Cancels the whole run when exceeded. */
  timeoutMs: z.number().int().positive().optional(),
  /** When the app (or `pipewright schedule`) runs this pipeline by itself. */
  schedule: scheduleSchema.optional(),
});

export type PipelineFile = z.infer<typeof pipelineFileSchema>;
export type PipelineNode = z.infer<typeof pipelineNodeSchema>;
export type PipelineEdge = z.infer<typeof pipelineEdgeSchema>;
export type NodeLayout = z.infer<typeof nodeLayoutSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type FrameAnnotation = z.infer<typeof frameAnnotationSchema>;
export type NoteAnnotation = z.infer<typeof noteAnnotationSchema>;
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
