import { z } from 'zod';
import type { ParamInfo, ParamKind } from '../contract';

/** One declared param: its editor kind, its validator and how it is shown. */
export interface ParamSpec<T = unknown> {
  kind: ParamKind;
  label: string;
  description?: string;
  schema: z.ZodType<T>;
  default?: T;
  optional?: boolean;
  options?: string[];
}

export type ParamSpecs = Record<string, ParamSpec>;
export type ParamValues<S extends ParamSpecs> = { [K in keyof S]: S[K] extends ParamSpec<infer T> ? T : never };

type Extra<T> = Pick<ParamSpec<T>, 'description' | 'default' | 'optional'>;

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** The param builders node files use; one per kind they need. */
export const param = {
  string: (label: string, extra: Extra<string> = {}): ParamSpec<string> => ({ kind: 'string', label, schema: z.string(), ...extra }),
  number: (label: string, extra: Extra<number> = {}): ParamSpec<number> => ({ kind: 'number', label, schema: z.number(), ...extra }),
  boolean: (label: string, extra: Extra<boolean> = {}): ParamSpec<boolean> => ({ kind: 'boolean', label, schema: z.boolean(), ...extra }),
  path: (label: string, extra: Extra<string> = {}): ParamSpec<string> => ({ kind: 'path', label, schema: nonEmpty, ...extra }),
  sql: (label: string, extra: Extra<string> = {}): ParamSpec<string> => ({ kind: 'sql', label, schema: nonEmpty, ...extra }),
  enum: <T extends string>(label: string, options: readonly [T, ...T[]], extra: Extra<T> = {}): ParamSpec<T> => ({
    kind: 'enum',
    label,
    schema: z.enum(options) as unknown as z.ZodType<T>,
    options: [...options],
    ...extra,
  }),
};

const schemaCache = new WeakMap<ParamSpecs, z.ZodObject>();

/** The zod object that validates a node's params and fills in defaults; built once per node type. */
export function paramsSchema(specs: ParamSpecs): z.ZodObject {
  const cached = schemaCache.get(specs);
  if (cached) return cached;
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.default !== undefined) shape[name] = spec.schema.default(spec.default as never);
    else shape[name] = spec.optional ? spec.schema.optional() : spec.schema;
  }
  const schema = z.strictObject(shape);
  schemaCache.set(specs, schema);
  return schema;
}

export function paramInfos(specs: ParamSpecs): ParamInfo[] {
  return Object.entries(specs).map(([name, spec]) => ({
    name,
    kind: spec.kind,
    label: spec.label,
    description: spec.description,
    required: spec.default === undefined && !spec.optional,
    default: spec.default,
    options: spec.options,
  }));
}
