import type { LogLine, RunEvent, RunSummary } from '../contract';

/** One human-readable line per event worth a line; undefined for the rest. */
export function describeEvent(event: RunEvent): string | undefined {
  switch (event.type) {
    case 'run:start':
      return `run ${event.runId} of ${event.pipelineId}: ${event.nodeIds.length} nodes${event.resumedFrom ? `, resuming ${event.resumedFrom}` : ''}`;
    case 'node:state': {
      if (event.state === 'pending') return undefined;
      const who = event.item === undefined ? event.nodeId : `${event.nodeId}[${event.item}]`;
      const attempt = event.attempt && event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
      const took = event.durationMs === undefined ? '' : ` in ${formatMs(event.durationMs)}`;
      const how = event.cached ? ' (from cache)' : event.reused ? ` (reused from ${event.reused})` : '';
      const why = event.reason ? ` (${event.reason})` : event.error ? `: ${event.error.message}` : '';
      return `${who}: ${event.state}${attempt}${took}${how}${why}`;
    }
    case 'node:log':
      return `${event.nodeId}${event.item === undefined ? '' : `[${event.item}]`} [${event.level}] ${event.message}`;
    case 'node:items': {
      const ended = (state: string) => event.attempts.filter((a) => a.state === state);
      const failed = ended('failed');
      const retried = ended('retrying').length;
      const first = failed[0] ? ` (item ${failed[0].item}: ${failed[0].error?.message ?? 'failed'})` : '';
      return `${event.nodeId}: items ${ended('succeeded').length} succeeded, ${failed.length} failed${retried ? `, ${retried} retried` : ''}${first}`;
    }
    case 'node:preview':
      return `${event.nodeId}.${event.port}: ${event.totalRows} rows`;
    case 'run:finish':
      return `run ${event.state}${event.error ? `: ${event.error.message}` : ''}`;
  }
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function runsTable(runs: RunSummary[]): string {
  if (runs.length === 0) return 'no runs';
  const rows = runs.map((r) => [
    r.runId,
    r.pipelineId,
    r.state,
    r.trigger,
    new Date(r.startedAt).toISOString(),
    r.finishedAt === undefined ? '' : formatMs(r.finishedAt - r.startedAt),
    Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(' '),
  ]);
  return table([['RUN', 'PIPELINE', 'STATE', 'TRIGGER', 'STARTED', 'TOOK', 'PARAMS'], ...rows]);
}

export function logLines(lines: LogLine[]): string {
  return lines.map((l) => `${new Date(l.at).toISOString()} ${l.nodeId}${l.item === undefined ? '' : `[${l.item}]`} [${l.level}] ${l.message}`).join('\n');
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}
