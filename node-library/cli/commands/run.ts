import path from 'node:path';
import type { PartialRun } from '../../contract';
import { formatProblems, loadPipelineFile } from '../../model/load';
import { createRegistry } from '../../nodes/registry';
import { paramPairs, parse, positiveInt, UsageError } from '../args';
import { openRuns, printError, type Command } from '../command';
import { follow } from '../follow';

export const runCommand: Command = {
  name: 'run',
  summary: 'run a pipeline headless, recording it in the run history',
  usage: `pipewright run <pipeline.json> [--param name=value]... [--json] [--concurrency N] [--db path]
                [--node id | --up-to id | --from id] [--no-previews]

  --param        override a declared parameter (repeatable)
  --json         one JSON event per line instead of progress lines
  --concurrency  nodes running at once (default: number of CPUs)
  --db           run history database (default: the app's data folder)
  --node         run one node, reusing stored outputs of its upstream nodes
  --up-to        run a node and everything it depends on
  --from         run a node and everything after it
  --no-previews  store no previews: sources are not read through nor stored, and
                 chains of SQL nodes run as one fused query (faster on large files;
                 errors in a file's rows then show in the node that reads it)

Exit 0 when the run succeeded, 1 when it failed or was cancelled, 2 on invalid input.`,
  async run(argv) {
    const { positionals, values } = parse(argv, {
      param: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      concurrency: { type: 'string' },
      db: { type: 'string' },
      node: { type: 'string' },
      'up-to': { type: 'string' },
      from: { type: 'string' },
      'no-previews': { type: 'boolean' },
    });
    const [file] = positionals;
    if (!file) throw new UsageError('run needs a pipeline file');
    const params = paramPairs(values.param);
    const concurrency = positiveInt(values.concurrency, '--concurrency');
    const partial = partialRun(values.node, values['up-to'], values.from);
    const registry = createRegistry();
    const loaded = await loadPipelineFile(path.resolve(file), registry);
    if (!loaded.ok) {
      printError(`${file} is invalid:\n${formatProblems(loaded.problems)}`);
      return 2;
    }
    if (partial && !loaded.pipeline.nodes.some((n) => n.id === partial.nodeId)) throw new UsageError(`there is no node ${partial.nodeId} in ${file}`);
    const runs = openRuns(registry, values.db, concurrency);
    try {
      return await follow(runs, values.json ?? false, () =>
        runs.start({ pipeline: loaded.pipeline, source: path.resolve(file), params, partial, trigger: 'cli', concurrency, previews: !values['no-previews'] }),
      );
    } finally {
      await runs.close();
    }
  },
};

function partialRun(node?: string, upTo?: string, from?: string): PartialRun | undefined {
  const given = [node && { mode: 'node' as const, nodeId: node }, upTo && { mode: 'upTo' as const, nodeId: upTo }, from && { mode: 'from' as const, nodeId: from }].filter(Boolean);
  if (given.length > 1) throw new UsageError('give at most one of --node, --up-to and --from');
  return (given[0] || undefined) as PartialRun | undefined;
}
