import { readFile } from 'node:fs/promises';
import type * as z from 'zod';
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
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail('E_PIPELINE_006', '', `cannot read ${file}: ${(error as Error).message}`);
  }
  // Decoded strictly: a replacement character slipped into a node's SQL would change the pipeline silently.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('E_PIPELINE_001', '', `${file} is UTF-16 text; pipeline files are UTF-8: save it as UTF-8`);
  }
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt >= 0) return fail('E_PIPELINE_001', '', `${file} is not valid UTF-8: bad byte 0x${bytes[invalidAt].toString(16)} at offset ${invalidAt}`);
  return parsePipeline(bytes.toString('utf8'), registry, options);
}

/** The offset of the first byte that breaks UTF-8 (overlongs, surrogates and values past U+10FFFF included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range rules out overlong forms, surrogates and code points past U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (i + 1 >= bytes.length || bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
    for (let k = 2; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
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
