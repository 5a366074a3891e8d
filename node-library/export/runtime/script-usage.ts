import type { PipelineFile } from '../../contract';
import { secretEnvName } from '../../engine/host';

/** Every secret a pipeline's node params name (`{ "$secret": NAME }`), sorted, once each. */
export function secretNames(pipeline: PipelineFile): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const secret = (value as { $secret?: unknown }).$secret;
      if (typeof secret === 'string') names.add(secret);
      else Object.values(value).forEach(visit);
    }
  };
  pipeline.nodes.forEach((node) => visit(node.params));
  return [...names].sort();
}

/** The exported script's --help: how to call it, its parameters with types and defaults, and the secrets it reads. */
export function scriptUsage(pipeline: PipelineFile): string {
  const params = Object.entries(pipeline.params);
  const secrets = secretNames(pipeline);
  const paramLines = params.map(([name, p]) => {
    const given = p.default === undefined ? 'required' : `default ${JSON.stringify(p.default)}`;
    return `  ${name} (${p.type}, ${given})${p.description ? `  ${p.description}` : ''}`;
  });
  return [
    `${pipeline.name}${pipeline.description ? ` - ${pipeline.description}` : ''}`,
    '',
    'Usage: node pipeline.mjs [--param name=value]... [--json] [--out-dir path] [--no-history] [--concurrency N]',
    '',
    '  --param        set a parameter (repeatable)',
    '  --json         one JSON event per line instead of progress lines',
    '  --out-dir      folder that relative output paths are written to (default: this folder)',
    '  --no-history   do not record the run in history.sqlite next to this script',
    '  --concurrency  nodes running at once (default: number of CPUs)',
    '',
    'Parameters:',
    ...(paramLines.length ? paramLines : ['  (none)']),
    '',
    'Secrets (environment variables):',
    ...(secrets.length ? secrets.map((s) => `  ${secretEnvName(s)}`) : ['  (none)']),
    '',
    'Exit 0 when the run succeeded, 1 when it failed, 2 on invalid parameters or a missing secret.',
  ].join('\n');
}
