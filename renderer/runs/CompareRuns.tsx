import { useMemo, useState } from 'react';
import type { RunDetail } from '../../node-library/contract';
import { compareRuns, formatDuration, paramDifferences, type NodeOutcome } from './compare-runs';
import { StateBadge } from './StateBadge';
import { useRunDetail } from './useRunDetail';
import { useRunsList } from './useRunsList';

/** The opened run beside another run of the same pipeline: per node state, duration and rows; which params differed. */
export function CompareRuns({ base }: { base: RunDetail }) {
  const { runs } = useRunsList({ pipelineId: base.run.pipelineId });
  const others = (runs ?? []).filter((r) => r.runId !== base.run.runId);
  const [otherId, setOtherId] = useState<string | null>(null);
  const chosen = otherId ?? others[0]?.runId ?? null;
  const other = useRunDetail(chosen);
  const rows = useMemo(() => (other ? compareRuns(base, other.detail) : []), [base, other]);
  const params = other ? paramDifferences(base.run.params, other.detail.run.params) : [];
  if (runs && others.length === 0) return <p className="pw-logs__hint">No other run of this pipeline to compare with.</p>;
  return (
    <div className="pw-compare" data-testid="compare-runs">
      <label className="pw-compare__pick">
        Compare with{' '}
        <select className="pw-input pw-input--small" data-testid="compare-with" value={chosen ?? ''} onChange={(e) => setOtherId(e.target.value)}>
          {others.map((r) => (
            <option key={r.runId} value={r.runId}>
              {new Date(r.startedAt).toLocaleString()} · {r.state} · {r.runId}
            </option>
          ))}
        </select>
      </label>
      <p className="pw-compare__params" data-testid="compare-params">
        {params.length === 0 ? 'Same parameters.' : `Parameters that differ: ${params.map((p) => `${p.name} (${JSON.stringify(p.a) ?? '–'} vs ${JSON.stringify(p.b) ?? '–'})`).join(', ')}`}
      </p>
      <table className="pw-attempts pw-compare__table">
        <thead>
          <tr>
            <th>Node</th>
            <th>This run</th>
            <th>Other run</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.nodeId} data-testid={`compare-row-${row.nodeId}`} data-differs={differs(row.a, row.b) || undefined}>
              <td>{row.label}</td>
              <Outcome outcome={row.a} />
              <Outcome outcome={row.b} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One run's outcome for a node: state, then duration and rows out (or that it was cached). */
function Outcome({ outcome }: { outcome: NodeOutcome | undefined }) {
  if (!outcome) return <td className="pw-compare__missing">not in this run</td>;
  const facts = [outcome.cached ? 'cached' : formatDuration(outcome.durationMs), outcome.rowsOut === undefined ? null : `${outcome.rowsOut.toLocaleString('en-US')} rows`];
  if (outcome.attempts > 1) facts.push(`${outcome.attempts} attempts`);
  return (
    <td>
      <StateBadge state={outcome.state} /> <span className="pw-compare__facts">{facts.filter(Boolean).join(' · ')}</span>
    </td>
  );
}

const differs = (a: NodeOutcome | undefined, b: NodeOutcome | undefined) => a?.state !== b?.state || a?.rowsOut !== b?.rowsOut;
