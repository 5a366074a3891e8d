import type { NodeState } from '../../node-library/contract';
import type { RunStatus } from '../store/run-slice';

/** A state as a coloured pill; the colours live in app/theme.css, keyed by data-state. */
export function StateBadge({ state, testId }: { state: NodeState | RunStatus; testId?: string }) {
  return (
    <span className="pw-badge" data-state={state} data-testid={testId}>
      {state}
    </span>
  );
}
