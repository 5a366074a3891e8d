import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import type { BottomTab } from '../store/runs-view-slice';
import { AttemptsTab } from './AttemptsTab';
import { formatDuration } from './compare-runs';
import { ErrorTab } from './ErrorTab';
import { LogsTab } from './LogsTab';
import { selectPanelView, type PanelView } from './panel-view';
import { PreviewTab } from './PreviewTab';
import { RunActions } from './RunActions';
import './run-panel.css';
import './runs.css';
import { StateBadge } from './StateBadge';

const tabs: { id: BottomTab; label: string }[] = [
  { id: 'preview', label: 'Preview' },
  { id: 'logs', label: 'Logs' },
  { id: 'error', label: 'Error' },
  { id: 'attempts', label: 'Attempts' },
];

/** The bottom panel: the selected node of the run in view, as Preview, Logs, Error and Attempts tabs. */
export function RunPanel() {
  const view = useAppStore(useShallow(selectPanelView));
  const tab = useAppStore((s) => s.bottomTab);
  const { node, detail } = view;
  return (
    <section className="pw-logs pw-run-panel" data-testid="node-logs" aria-label="Node run">
      <header className="pw-logs__header">
        {node ? (
          <>
            <span className="pw-logs__title">{node.label ?? node.id}</span>
            <code className="pw-logs__id">{node.id}</code>
            <StateBadge state={view.state} testId="panel-node-state" />
            <NodeFacts view={view} />
          </>
        ) : (
          <span className="pw-logs__title">{view.past ? 'Past run' : 'Run'}</span>
        )}
        {view.past && <span className="pw-run-panel__readonly">read-only · {view.runId}</span>}
        {!view.past && <RunActions nodeId={node?.id} />}
      </header>
      <nav className="pw-run-panel__tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className="pw-run-panel__tab"
            data-testid={`panel-tab-${t.id}`}
            onClick={() => useAppStore.getState().setBottomTab(t.id)}
          >
            {t.label}
            {t.id === 'logs' && view.lines.length > 0 && <span className="pw-run-panel__count">{view.lines.length.toLocaleString('en-US')}</span>}
            {t.id === 'error' && detail.error && <span className="pw-run-panel__dot" aria-label="has an error" />}
          </button>
        ))}
      </nav>
      <div className="pw-run-panel__body" role="tabpanel">
        {node ? <TabBody tab={tab} view={view} /> : <p className="pw-logs__hint">Select a node on the canvas to see its output, log, error and attempts.</p>}
      </div>
    </section>
  );
}

function NodeFacts({ view }: { view: PanelView }): ReactNode {
  const { detail, state, ports } = view;
  const facts: string[] = [];
  if (state === 'retrying' || (state === 'running' && (detail.attempt ?? 1) > 1)) facts.push(`attempt ${detail.attempt ?? '?'}`);
  if (detail.durationMs !== undefined) facts.push(formatDuration(detail.durationMs));
  const rows = ports && Object.values(ports)[0]?.totalRows;
  if (state === 'succeeded' && rows !== undefined) facts.push(`${rows.toLocaleString('en-US')} rows out`);
  if (detail.cached || detail.reused) facts.push(detail.reused ? `cached · reused from ${detail.reused}` : 'cached');
  return (
    <>
      {facts.length > 0 && (
        <span className="pw-run-panel__facts" data-testid="panel-node-facts">
          {facts.join(' · ')}
        </span>
      )}
      {detail.reason && (
        <span className="pw-logs__reason" data-testid="panel-node-reason">
          {detail.reason}
        </span>
      )}
    </>
  );
}

function TabBody({ tab, view }: { tab: BottomTab; view: PanelView }) {
  const nodeId = view.node!.id;
  switch (tab) {
    case 'preview':
      return <PreviewTab key={`${view.runId}:${nodeId}`} ports={view.ports} state={view.state} />;
    case 'logs':
      return <LogsTab key={`${view.runId}:${nodeId}`} lines={view.lines} />;
    case 'error':
      return <ErrorTab view={view} />;
    case 'attempts':
      return <AttemptsTab runId={view.runId} nodeId={nodeId} state={view.state} />;
  }
}
