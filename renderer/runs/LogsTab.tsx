import { useEffect, useMemo, useState } from 'react';
import type { LogLevel } from '../../node-library/contract';
import type { LogLine } from '../store/run-slice';
import { formatTime } from './format-time';
import { filterLogs, logLevels, logsAsText } from './log-filter';
import { useWindow } from './useWindow';

const lineHeight = 22;

/** Every log line of the node, windowed: level toggles, search, follow mode (sticks to the end), copy. */
export function LogsTab({ lines }: { lines: readonly LogLine[] }) {
  const [levels, setLevels] = useState<ReadonlySet<LogLevel>>(new Set(logLevels));
  const [search, setSearch] = useState('');
  const [follow, setFollow] = useState(true);
  const [copied, setCopied] = useState(false);
  const shown = useMemo(() => filterLogs(lines, levels, search), [lines, levels, search]);
  const win = useWindow(shown.length, lineHeight);
  useEffect(() => {
    const el = win.ref.current;
    if (follow && el) el.scrollTop = el.scrollHeight;
  }, [follow, shown.length, win.ref]);
  const toggle = (level: LogLevel) =>
    setLevels((current) => {
      const next = new Set(current);
      if (!next.delete(level)) next.add(level);
      return next;
    });
  const copy = async () => {
    await navigator.clipboard?.writeText(logsAsText(shown)).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1200);
  };
  return (
    <div className="pw-logs-tab" data-testid="logs-tab">
      <div className="pw-preview__bar">
        {logLevels.map((level) => (
          <label key={level} className="pw-logs-tab__level" data-level={level}>
            <input type="checkbox" checked={levels.has(level)} data-testid={`log-level-${level}`} onChange={() => toggle(level)} />
            {level}
          </label>
        ))}
        <input className="pw-input pw-input--small" type="search" placeholder="Search logs…" aria-label="Search logs" data-testid="log-search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <label className="pw-logs-tab__level">
          <input type="checkbox" checked={follow} data-testid="log-follow" onChange={(e) => setFollow(e.target.checked)} />
          follow
        </label>
        <button type="button" className="pw-button pw-button--small" data-testid="log-copy" disabled={shown.length === 0} onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <span className="pw-preview__total" data-testid="log-count">
          {shown.length === lines.length ? `${lines.length.toLocaleString('en-US')} lines` : `${shown.length.toLocaleString('en-US')} of ${lines.length.toLocaleString('en-US')} lines`}
        </span>
      </div>
      <div
        className="pw-logs-tab__lines"
        ref={win.ref}
        onScroll={(e) => {
          win.onScroll(e);
          // Scrolling up leaves follow mode; scrolling back to the end resumes it.
          const el = e.currentTarget;
          setFollow(el.scrollHeight - el.scrollTop - el.clientHeight < lineHeight);
        }}
      >
        {shown.length === 0 && <p className="pw-logs__hint">{lines.length === 0 ? 'No log lines yet.' : 'No line matches.'}</p>}
        <div style={{ height: win.totalHeight, position: 'relative' }}>
          <ol className="pw-logs__lines" style={{ transform: `translateY(${win.offset}px)` }}>
            {shown.slice(win.start, win.end).map((line, i) => (
              <li key={win.start + i} className="pw-log-line" data-level={line.level} style={{ height: lineHeight }}>
                <time className="pw-log-line__time">{formatTime(line.at)}</time>
                <span className="pw-log-line__level">{line.level}</span>
                <span className="pw-log-line__message" title={line.message}>
                  {line.message}
                </span>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </div>
  );
}
