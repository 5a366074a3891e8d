import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { PIPELINE_FORMAT, pipelineFileSchema, PipewrightError, type PipelineFile, type PipelineProblem } from '../contract';
import type { NodeRegistry } from '../nodes/registry';
import { validateGraph } from './validate';

export type LoadResult = { ok: true; pipeline: PipelineFile } | { ok: false; problems: PipelineProblem[] };

export interface ParseOptions {
  /** false: stop after the schema, so the editor can open a work in progress and show its graph problems. */
  graph?: boolean;
}

/** Parses and checks a pipeline file's text: JSON, format, schema, then graph. */
export function parsePipeline(text: string, registry: NodeRegistry, options: ParseOptions = {}): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('E_PIPELINE_001', '', `not valid JSON: ${(error as Error).message}`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  const version = typeof format === 'string' ? /^pipewright\/pipeline@(\d+)$/.exec(format)?.[1] : undefined;
  if (version !== undefined && Number(version) > 1) {
    return fail('E_PIPELINE_003', 'format', `format ${format} is newer than ${PIPELINE_FORMAT}; update Pipewright to open it`);
  }
  const parsed = pipelineFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => schemaProblem(issue, raw)) };
  const problems = options.graph === false ? [] : validateGraph(parsed.data, registry);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pipeline: parsed.data };
}

export async function loadPipelineFile(file: string, registry: NodeRegistry, options: ParseOptions = {}): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail('E_PIPELINE_006', '', `cannot read ${file}: ${(error as Error).message}`);
  }
  return parsePipeline(text, registry, options);
}

/** Throws one error listing every problem; for callers that cannot go on. */
export function pipelineOrThrow(result: LoadResult, name: string): PipelineFile {
  if (result.ok) return result.pipeline;
  const code = result.problems[0]?.code === 'E_PIPELINE_001' ? 'E_PIPELINE_001' : 'E_PIPELINE_004';
  throw new PipewrightError(code, `${name} is invalid:\n${formatProblems(result.problems)}`);
}

export function formatProblems(problems: PipelineProblem[]): string {
  return problems.map((p) => `- ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
}

function fail(code: string, path: string, message: string): LoadResult {
  return { ok: false, problems: [{ code, path, message }] };
}

function schemaProblem(issue: z.core.$ZodIssue, raw: unknown): PipelineProblem {
  const path = issue.path.map(String).join('.');
  const [section, index] = issue.path;
  const node = section === 'nodes' && typeof index === 'number' ? (raw as { nodes: { id?: unknown }[] }).nodes[index] : undefined;
  const nodeId = typeof node?.id === 'string' ? node.id : undefined;
  const where = nodeId ? `node ${nodeId}: ` : '';
  return { code: 'E_PIPELINE_002', path, nodeId, message: `${where}${issue.message}` };
}
