import type { ParamValue, PipelineFile, PipelineParam } from '../contract';

export type RunParams = Record<string, ParamValue>;
export type ParamsResult = { ok: true; values: RunParams } | { ok: false; problems: string[] };

/**
 * The values a run uses: declared defaults, overridden by the caller. Strings
 * from a command line are coerced to the declared type; anything unknown,
 * mistyped or missing is a problem naming the parameter.
 */
export function resolveRunParams(declared: PipelineFile['params'], overrides: Record<string, unknown> = {}): ParamsResult {
  const problems: string[] = [];
  const values: RunParams = {};
  for (const name of Object.keys(overrides)) {
    if (!(name in declared)) {
      const known = Object.keys(declared);
      problems.push(`unknown parameter ${name}; ${known.length ? `declared: ${known.join(', ')}` : 'this pipeline declares none'}`);
    }
  }
  for (const [name, param] of Object.entries(declared)) {
    const given = overrides[name];
    if (given === undefined && param.default === undefined) {
      problems.push(`parameter ${name} has no default; give it a ${param.type} value`);
      continue;
    }
    const value = given === undefined ? param.default : coerce(given, param);
    if (value === undefined) problems.push(`parameter ${name} must be a ${param.type}, got ${JSON.stringify(given)}`);
    else values[name] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}

function coerce(value: unknown, param: PipelineParam): ParamValue | undefined {
  if (typeof value === param.type) return value as ParamValue;
  if (typeof value !== 'string') return undefined;
  if (param.type === 'number') return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined;
  if (param.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : undefined;
  return undefined;
}

export function isParamRef(value: unknown): value is { $param: string } {
  return typeof value === 'object' && value !== null && typeof (value as { $param?: unknown }).$param === 'string' && Object.keys(value).length === 1;
}

/** Replaces every `{ "$param": name }` in a node's params with the run's value, at any depth. */
export function substituteParams(value: unknown, params: RunParams): unknown {
  if (isParamRef(value)) return params[value.$param];
  if (Array.isArray(value)) return value.map((v) => substituteParams(v, params));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteParams(v, params)]));
  }
  return value;
}

/** Paths (a.b.0) of every param reference in a value, with the name it refers to. */
export function paramRefs(value: unknown, at = ''): { path: string; name: string }[] {
  if (isParamRef(value)) return [{ path: at, name: value.$param }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => paramRefs(v, at ? `${at}.${k}` : k));
}
