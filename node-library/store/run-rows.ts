import type { ErrorInfo, LogLevel, LogLine, RunState, RunSummary, RunTrigger } from '../contract';

/** The columns of `runs` a summary needs (everything but the pipeline snapshot). */
export const summaryColumns = 'key, id, pipeline_id, pipeline_name, state, trigger, params, partial, resumed_from, source, started_at, finished_at, error';

export interface RunRow {
  key: number;
  id: string;
  pipeline_id: string;
  pipeline_name: string;
  state: string;
  trigger: string;
  params: string;
  partial: string | null;
  resumed_from: string | null;
  source: string | null;
  started_at: number;
  finished_at: number | null;
  error: string | null;
}

export interface LogRow {
  node_id: string;
  item: number | null;
  attempt: number | null;
  level: string;
  message: string;
  at: number;
}

export const logColumns = 'node_id, item, attempt, level, message, at';

// Optional fields are left out rather than set to undefined, so records compare and serialise cleanly.

export function toRunSummary(row: RunRow): RunSummary {
  const summary: RunSummary = {
    runId: row.id,
    pipelineId: row.pipeline_id,
    pipelineName: row.pipeline_name,
    state: row.state as RunState,
    trigger: row.trigger as RunTrigger,
    params: JSON.parse(row.params),
    startedAt: row.started_at,
  };
  if (row.finished_at !== null) summary.finishedAt = row.finished_at;
  if (row.error !== null) summary.error = JSON.parse(row.error) as ErrorInfo;
  if (row.partial !== null) summary.partial = JSON.parse(row.partial);
  if (row.resumed_from !== null) summary.resumedFrom = row.resumed_from;
  if (row.source !== null) summary.source = row.source;
  return summary;
}

export function toLogLine(runId: string, row: LogRow): LogLine {
  const line: LogLine = { runId, nodeId: row.node_id, level: row.level as LogLevel, message: row.message, at: row.at };
  if (row.item !== null) line.item = row.item;
  if (row.attempt !== null) line.attempt = row.attempt;
  return line;
}
