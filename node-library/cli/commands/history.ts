import { readFileSync } from 'node:fs';
import { runStateSchema } from '../../contract';
import { parsePipeline } from '../../model/load';
import { createRegistry } from '../../nodes/registry';
import { parse, positiveInt, UsageError } from '../args';
import { openRuns, print, printError, type Command } from '../command';
import { logLines, runsTable } from '../format';
import { follow } from '../follow';

export const runsCommand: Command = {
  name: 'runs',
  summary: 'list the run history, newest first',
  usage: 'pipewright runs [--pipeline id] [--state state] [--limit N] [--json] [--db path]',
  async run(argv) {
    const { values } = parse(argv, { pipeline: { type: 'string' }, state: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } });
    const state = values.state === undefined ? undefined : runStateSchema.safeParse(values.state);
    if (state && !state.success) throw new UsageError(`--state must be one of ${runStateSchema.options.join(', ')}`);
    const runs = openRuns(createRegistry(), values.db);
    try {
      const list = runs.store.listRuns({ pipelineId: values.pipeline, state: state?.data, limit: positiveInt(values.limit, '--limit') ?? 50 });
      print(values.json ? JSON.stringify(list) : runsTable(list));
      return 0;
    } finally {
      await runs.close();
    }
  },
};

export const logsCommand: Command = {
  name: 'logs',
  summary: "print a run's log lines",
  usage: 'pipewright logs <runId> [--node id] [--json] [--db path]',
  async run(argv) {
    const { positionals, values } = parse(argv, { node: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } });
    const [runId] = positionals;
    if (!runId) throw new UsageError('logs needs a run id (see pipewright runs)');
    const runs = openRuns(createRegistry(), values.db);
    try {
      if (!runs.store.getRun(runId)) {
        printError(`no run with id ${runId}`);
        return 2;
      }
      const lines = runs.store.logs(runId, values.node);
      print(values.json ? JSON.stringify(lines) : logLines(lines) || 'no log lines');
      return 0;
    } finally {
      await runs.close();
    }
  },
};

export const resumeCommand: Command = {
  name: 'resume',
  summary: 're-run a failed, cancelled or interrupted run from what did not succeed',
  usage: 'pipewright resume <runId> [--json] [--db path]\n\nExit codes as for run.',
  async run(argv) {
    const { positionals, values } = parse(argv, { json: { type: 'boolean' }, db: { type: 'string' } });
    const [runId] = positionals;
    if (!runId) throw new UsageError('resume needs a run id (see pipewright runs)');
    const runs = openRuns(createRegistry(), values.db);
    try {
      return await follow(runs, values.json ?? false, () => runs.resume(runId, current(runs.store.getRun(runId)?.run.source)));
    } finally {
      await runs.close();
    }
  },
};

/** The pipeline file as it is now, when it still exists and is valid; else the run's snapshot is used. */
function current(source: string | undefined) {
  if (!source) return undefined;
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch {
    return undefined;
  }
  const loaded = parsePipeline(text, createRegistry());
  return loaded.ok ? { pipeline: loaded.pipeline, source } : undefined;
}
