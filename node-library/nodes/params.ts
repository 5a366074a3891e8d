import * as z from 'zod';
import type { ParamInfo, ParamKind, RecordFieldInfo } from '../contract';

/** One declared param: its editor kind, its validator and how it is shown. */
export interface ParamSpec<T = unknown> {
  kind: ParamKind;
  label: string;
  description?: string;
  schema: z.ZodType<T>;
  default?: T;
  optional?: boolean;
  options?: string[];
  extensions?: string[];
  secretValues?: boolean;
  fields?: RecordFieldInfo[];
}

export type ParamSpecs = Record<string, ParamSpec>;
export type ParamValues<S extends ParamSpecs> = { [K in keyof S]: S[K] extends ParamSpec<infer T> ? T : never };

type Extra<T> = Pick<ParamSpec<T>, 'description' | 'default' | 'optional'>;
type PathExtra = Extra<string> & Pick<ParamSpec<string>, 'extensions'>;

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** The param builders node files use; one per kind they need. */
export const param = {
  string: (label: string, extra: Extra<string> = {}): ParamSpec<string> => ({ kind: 'string', label, schema: z.string(), ...extra }),
  number: (label: string, extra: Extra<number> = {}): ParamSpec<number> => ({ kind: 'number', label, schema: z.number(), ...extra }),
  boolean: (label: string, extra: Extra<boolean> = {}): ParamSpec<boolean> => ({ kind: 'boolean', label, schema: z.boolean(), ...extra }),
  /** A file; `extensions` are the endings the inspector suggests files of the pipeline's folder by. */
  path: (label: string, extra: PathExtra = {}): ParamSpec<string> => ({ kind: 'path', label, schema: nonEmpty, ...extra }),
  sql: (label: string, extra: Extra<string> = {}): ParamSpec<string> => ({ kind: 'sql', label, schema: nonEmpty, ...extra }),
  code: (label: string, extra: Extra<string> = {}): ParamSpec<string> => ({ kind: 'code', label, schema: z.string(), ...extra }),
  /** Column names of the input table; the inspector suggests them from the upstream schema. */
  columns: (label: string, extra: Extra<string[]> = {}): ParamSpec<string[]> => ({ kind: 'columns', label, schema: z.array(z.string().min(1)), ...extra }),
  keyValue: (label: string, extra: Extra<Record<string, string>> = {}): ParamSpec<Record<string, string>> => ({
    kind: 'keyValue',
    label,
    schema: z.record(z.string(), z.string()),
    ...extra,
  }),
  json: (label: string, extra: Extra<unknown> = {}): ParamSpec<unknown> => ({ kind: 'json', label, schema: z.unknown(), ...extra }),
  /** A reference to a named secret; the value comes from the host at run time, never from the file. */
  secret: (label: string, extra: Extra<{ $secret: string }> = {}): ParamSpec<{ $secret: string }> => ({
    kind: 'secret',
    label,
    schema: z.strictObject({ $secret: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'secret names are UPPER_SNAKE_CASE') }),
    ...extra,
  }),
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
    extensions: spec.extensions,
    secretValues: spec.secretValues,
    fields: spec.fields,
  }));
}
