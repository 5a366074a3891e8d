// Malformed pipeline files, generated: fast-check values and structural mutations of the
// examples, byte mutations, truncations, deep nesting, huge strings, bad encodings. Imports
// nothing from vitest, so fuzz-child.ts can run it under plain node with extra flags.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadPipelineFile, parsePipeline } from '../../node-library/model/load';
import { createRegistry } from '../../node-library/nodes/registry';

/** The example pipelines' texts: the well-formed files the mutations start from. */
export function readExamples(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.pipeline.json'))
    .map((n) => readFileSync(path.join(dir, n), 'utf8'));
}

type Json = Record<string, unknown>;
type Mutation = (p: Json, rng: () => number) => void;
const pick = <T>(list: T[], rng: () => number): T => list[Math.floor(rng() * list.length)];
const nodesOf = (p: Json) => (Array.isArray(p.nodes) ? (p.nodes as Json[]) : []);
const edgesOf = (p: Json) => (Array.isArray(p.edges) ? (p.edges as Json[]) : []);

/** Structural mistakes people and generators make. */
const mutations: Mutation[] = [
  (p) => edgesOf(p).push({ id: 'cycle', from: { node: nodesOf(p).at(-1)?.id, port: 'out' }, to: { node: nodesOf(p)[0]?.id, port: 'in' } }),
  (p) => edgesOf(p).push({ id: 'dangling', from: { node: 'nowhere', port: 'out' }, to: { node: nodesOf(p)[0]?.id, port: 'in' } }),
  (p) => nodesOf(p).push({ ...nodesOf(p)[0] }),
  (p) => nodesOf(p).push({ id: 'mystery', type: 'vendor.unknown_thing', params: {} }),
  (p) => (p.format = 'pipewright/pipeline@99'),
  (p) => delete p[pick(Object.keys(p), Math.random)],
  (p, rng) => (p[pick(Object.keys(p), rng)] = pick([null, 42, 'text', [], {}, true], rng)),
  (p, rng) => {
    const node = pick(nodesOf(p), rng);
    if (node) node[pick(['id', 'type', 'params', 'version', 'retries', 'timeoutMs'], rng)] = pick([null, -1, 'x y', { a: 1 }, [1], Number.POSITIVE_INFINITY], rng);
  },
  (p, rng) => {
    const node = pick(nodesOf(p), rng);
    if (node && node.params && typeof node.params === 'object') (node.params as Json)[pick(Object.keys(node.params as Json).concat('extra'), rng)] = pick([null, 7, [], { $param: 'undeclared' }], rng);
  },
  (p) => (p.params = { n: { type: 'date', default: 'tomorrow' } }),
  (p) => (p.__proto__polluted = { constructor: { prototype: { evil: true } } }),
];

/** A malformed file as text, from a seed. */
function malformedText(seed: number, examples: string[]): string {
  const rng = fc.sample(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { seed, numRuns: 64 });
  let k = 0;
  const next = () => rng[k++ % rng.length];
  const base = pick(examples, next);
  switch (seed % 6) {
    case 0: {
      const p = JSON.parse(base) as Json;
      for (let i = 0; i < 1 + Math.floor(next() * 3); i++) pick(mutations, next)(p, next);
      return JSON.stringify(p);
    }
    case 1:
      return base.slice(0, Math.floor(next() * base.length));
    case 2: {
      const chars = [...base];
      for (let i = 0; i < 1 + Math.floor(next() * 8); i++) chars[Math.floor(next() * chars.length)] = pick(['{', '}', '"', ',', ':', '\\', '\u0000', '[', 'é'], next);
      return chars.join('');
    }
    case 3:
      return JSON.stringify(fc.sample(fc.jsonValue(), { seed, numRuns: 1 })[0]);
    case 4: {
      const p = JSON.parse(base) as Json;
      p.nodes = [...nodesOf(p), ...fc.sample(fc.dictionary(fc.string(), fc.jsonValue()), { seed, numRuns: 3 })];
      return JSON.stringify(p);
    }
    default:
      return `\uFEFF${base.replace(/"id"/, '"id" : "dup", "id"')}`;
  }
}

export interface FuzzSummary {
  cases: number;
  structured: number;
  accepted: number;
  crashes: string[];
  p99Ms: number;
  maxMs: number;
  filesWritten: number;
}

/** What a result must look like: valid, or problems that each carry a code, a path and a message. */
function isStructured(result: ReturnType<typeof parsePipeline>): boolean {
  if (result.ok) return true;
  return result.problems.length > 0 && result.problems.every((p) => typeof p.code === 'string' && /^E_/.test(p.code) && typeof p.path === 'string' && typeof p.message === 'string' && p.message.length > 0);
}

/** Runs `count` generated cases plus the special ones; huge strings at `hugeMb` MB. */
export async function fuzz(count: number, hugeMb: number, examples: string[]): Promise<FuzzSummary> {
  const registry = createRegistry();
  const summary: FuzzSummary = { cases: 0, structured: 0, accepted: 0, crashes: [], p99Ms: 0, maxMs: 0, filesWritten: 0 };
  const times: number[] = [];
  const check = (label: string, run: () => ReturnType<typeof parsePipeline>, size: number) => {
    summary.cases++;
    const start = performance.now();
    try {
      const result = run();
      if (isStructured(result)) summary.structured++;
      else summary.crashes.push(`${label}: unstructured result ${JSON.stringify(result).slice(0, 200)}`);
      if (result.ok) summary.accepted++;
    } catch (error) {
      summary.crashes.push(`${label}: threw ${(error as Error)?.message ?? String(error)}`);
    }
    const ms = performance.now() - start;
    if (size <= 5 * 2 ** 20) times.push(ms);
  };
  for (let seed = 1; seed <= count; seed++) {
    const text = malformedText(seed, examples);
    check(`seed ${seed}`, () => parsePipeline(text, registry), text.length);
  }
  const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  check('10,000-deep nesting', () => parsePipeline(`{"format":"pipewright/pipeline@1","id":"deep","name":"d","nodes":${deep}}`, registry), deep.length);
  const huge = 'x'.repeat(hugeMb * 2 ** 20);
  check(`${hugeMb} MB string`, () => parsePipeline(`{"format":"pipewright/pipeline@1","id":"huge","name":"${huge}","nodes":[]}`, registry), huge.length);

  // Encodings go through the file loader, from a folder that must stay as it was.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pipewright-fuzz-'));
  try {
    const utf8 = Buffer.from(examples[0]);
    const files: Record<string, Buffer> = {
      'invalid-utf8.json': Buffer.concat([utf8.subarray(0, 40), Buffer.from([0xc3, 0x28]), utf8.subarray(40)]),
      'utf16le.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(examples[0], 'utf16le')]),
      'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
      'future.json': Buffer.from(examples[0].replace('pipewright/pipeline@1', 'pipewright/pipeline@7')),
      'empty.json': Buffer.alloc(0),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
    for (const name of Object.keys(files)) {
      summary.cases++;
      const result = await loadPipelineFile(path.join(dir, name), registry).catch((error: Error) => error);
      if (result instanceof Error) summary.crashes.push(`${name}: threw ${result.message}`);
      else if (!isStructured(result)) summary.crashes.push(`${name}: unstructured`);
      else {
        summary.structured++;
        if (result.ok) summary.accepted++;
        if (result.ok && name !== 'bom.json') summary.crashes.push(`${name}: accepted`);
      }
    }
    summary.filesWritten = (await readdir(dir)).length - Object.keys(files).length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const sorted = [...times].sort((a, b) => a - b);
  summary.p99Ms = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? 0;
  summary.maxMs = sorted.at(-1) ?? 0;
  return summary;
}
