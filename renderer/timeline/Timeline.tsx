import { useMemo } from 'react';
import type { RunDetail, RunEvent } from '../../node-library/contract';
import { formatDuration } from '../runs/compare-runs';
import { useAppStore } from '../store/app-store';
import { buildTimeline, type TimelineBar } from './timeline-rows';
import './timeline.css';

const ticks = [0, 0.25, 0.5, 0.75, 1];

/** The run as a Gantt chart: a row per node (and per mapped item), its wait, attempts and retries; the critical path marked. */
export function Timeline({ detail, events }: { detail: RunDetail; events: readonly RunEvent[] }) {
  const timeline = useMemo(() => buildTimeline(detail, events), [detail, events]);
  const selected = useAppStore((s) => s.pastRunNodeId);
  const span = Math.max(1, timeline.end - timeline.start);
  const x = (t: number) => `${((t - timeline.start) / span) * 100}%`;
  const width = (bar: TimelineBar) => `max(3px, ${((bar.end - bar.start) / span) * 100}%)`;
  return (
    <div className="pw-timeline" data-testid="timeline">
      <div className="pw-timeline__legend">
        <span className="pw-timeline__key pw-timeline__key--wait">waiting</span>
        <span className="pw-timeline__key pw-timeline__key--attempt">attempt</span>
        <span className="pw-timeline__key pw-timeline__key--critical">critical path</span>
        <span data-testid="timeline-critical-path">{timeline.criticalPath.join(' → ')}</span>
      </div>
      <div className="pw-timeline__axis">
        <span />
        <div className="pw-timeline__ticks">
          {ticks.map((t) => (
            <span key={t} style={{ left: `${t * 100}%` }}>
              {formatDuration(t * span)}
            </span>
          ))}
        </div>
      </div>
      <ol className="pw-timeline__rows">
        {timeline.rows.map((row) => (
          <li
            key={row.key}
            className="pw-timeline__row"
            data-testid={row.item === undefined ? `timeline-row-${row.nodeId}` : 'timeline-item-row'}
            data-critical={row.critical || undefined}
            data-item={row.item !== undefined || undefined}
            aria-selected={row.item === undefined && row.nodeId === selected}
            onClick={() => useAppStore.getState().selectPastRunNode(row.nodeId)}
          >
            <span className="pw-timeline__label" title={row.nodeId}>
              {row.label}
            </span>
            <span className="pw-timeline__track">
              {row.bars.map((bar, i) => (
                <span
                  key={i}
                  className={`pw-timeline__bar pw-timeline__bar--${bar.kind}`}
                  data-state={bar.state}
                  data-testid="timeline-bar"
                  style={{ left: x(bar.start), width: width(bar) }}
                  title={barTitle(bar)}
                />
              ))}
              <span className="pw-timeline__took">{formatDuration(Math.max(...row.bars.map((b) => b.end)) - Math.min(...row.bars.map((b) => b.start)))}</span>
            </span>
          </li>
        ))}
        {Object.entries(timeline.hiddenItems).map(([nodeId, count]) => (
          <li key={`${nodeId}-more`} className="pw-logs__hint">
            {nodeId}: {count.toLocaleString('en-US')} more items not drawn
          </li>
        ))}
      </ol>
    </div>
  );
}

function barTitle(bar: TimelineBar): string {
  const took = formatDuration(bar.end - bar.start);
  if (bar.kind === 'wait') return bar.state === 'queued' ? `queued ${took}` : `backing off ${took} before attempt ${bar.attempt}`;
  const what = bar.attempt === 0 ? bar.state : `attempt ${bar.attempt}: ${bar.state}`;
  return `${what}, ${took}${bar.error ? `\n${bar.error}` : ''}`;
}
