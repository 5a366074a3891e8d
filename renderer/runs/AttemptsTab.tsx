import type { NodeState } from '../../node-library/contract';
import { formatDuration } from './compare-runs';
import { formatTime } from './format-time';
import { StateBadge } from './StateBadge';
import { useRunDetail } from './useRunDetail';

/** Every attempt of the node in the run (and of its mapped items): when, how long, how it ended, why it failed. */
export function AttemptsTab({ runId, nodeId, state }: { runId: string | null; nodeId: string; state: NodeState }) {
  const run = useRunDetail(runId, state);
  if (!runId) return <p className="pw-logs__hint">No run yet.</p>;
  if (!run) return <p className="pw-logs__hint">Loading…</p>;
  const attempts = run.detail.nodeRuns.filter((r) => r.nodeId === nodeId);
  if (attempts.length === 0) {
    return (
      <p className="pw-logs__hint" data-testid="attempts-tab-empty">
        No attempt in this run{state === 'pending' ? ' (the node is not part of it, or has not started)' : ' yet'}.
      </p>
    );
  }
  return (
    <table className="pw-attempts" data-testid="attempts-table">
      <thead>
        <tr>
          <th>Item</th>
          <th>Attempt</th>
          <th>State</th>
          <th>Started</th>
          <th>Took</th>
          <th>Rows out</th>
          <th>Error</th>
        </tr>
      </thead>
      <tbody>
        {attempts.map((a) => (
          <tr key={`${a.item ?? ''}:${a.attempt}:${a.startedAt}`} data-testid="attempt-row">
            <td>{a.item ?? '–'}</td>
            <td>{a.attempt === 0 ? (a.cached ? 'cached' : '–') : a.attempt}</td>
            <td>
              <StateBadge state={a.state} />
            </td>
            <td>{formatTime(a.startedAt)}</td>
            <td>{formatDuration(a.finishedAt === undefined ? undefined : a.finishedAt - a.startedAt)}</td>
            <td>{a.rowsOut?.toLocaleString('en-US') ?? '–'}</td>
            <td className="pw-attempts__error">{a.error?.message ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
