import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import { selectSelectedNode } from '../store/selectors';
import { formatTime } from './format-time';
import './runs.css';
import { StateBadge } from './StateBadge';

/** The bottom panel: the selected node's log lines, and its error when it failed. */
export function NodeLogs() {
  const { node, state, lines, detail } = useAppStore(useShallow(selectSelectedNode));
  return (
    <section className="pw-logs" data-testid="node-logs" aria-label="Node logs">
      <header className="pw-logs__header">
        {node ? (
          <>
            <span className="pw-logs__title">{node.label ?? node.id}</span>
            <code className="pw-logs__id">{node.id}</code>
            <StateBadge state={state} />
            {detail.reason && <span className="pw-logs__reason">{detail.reason}</span>}
          </>
        ) : (
          <span className="pw-logs__title">Logs</span>
        )}
      </header>
      <div className="pw-logs__body">
        {!node && <p className="pw-logs__hint">Select a node on the canvas to see its log.</p>}
        {detail.error && (
          <p className="pw-logs__error" data-testid="node-error">
            <strong>{detail.error.code}</strong> {detail.error.message}
          </p>
        )}
        {node && lines.length === 0 && !detail.error && <p className="pw-logs__hint">No log lines yet. Run the pipeline to see this node's output.</p>}
        {lines.length > 0 && (
          <ol className="pw-logs__lines">
            {lines.map((line, i) => (
              <li key={i} className="pw-log-line" data-level={line.level}>
                <time className="pw-log-line__time">{formatTime(line.at)}</time>
                <span className="pw-log-line__level">{line.level}</span>
                <span className="pw-log-line__message">{line.message}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
