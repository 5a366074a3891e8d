import { useState } from 'react';
import type { NodeState } from '../../node-library/contract';
import type { PortPreview } from '../store/run-slice';
import { JsonTree } from './JsonTree';
import { MiniChart } from './MiniChart';
import { PreviewTable } from './PreviewTable';

/** The node's output preview: a table (sortable, filterable, charted on request) or a JSON tree. */
export function PreviewTab({ ports, state }: { ports: Record<string, PortPreview> | undefined; state: NodeState }) {
  const names = Object.keys(ports ?? {});
  const [port, setPort] = useState(names[0]);
  const [filter, setFilter] = useState('');
  const [chartColumn, setChartColumn] = useState<number | null>(null);
  const preview = ports?.[port ?? ''] ?? (names[0] ? ports![names[0]] : undefined);
  if (!preview) {
    return <p className="pw-logs__hint">{state === 'running' ? 'Running… the preview appears when the node has output.' : 'No preview: run the pipeline to see this node’s output.'}</p>;
  }
  const isTable = preview.columns.length > 0;
  return (
    <div className="pw-preview" data-testid="preview-tab">
      <div className="pw-preview__bar">
        {names.length > 1 && (
          <select className="pw-input pw-input--small" aria-label="Output port" data-testid="preview-port" value={port} onChange={(e) => setPort(e.target.value)}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        )}
        <span className="pw-preview__total" data-testid="preview-total">
          {isTable
            ? `${preview.totalRows.toLocaleString('en-US')} rows · ${preview.columns.length} columns${(preview.rows?.length ?? 0) < preview.totalRows ? ` · first ${preview.rows?.length ?? 0} shown` : ''}`
            : `${preview.totalRows.toLocaleString('en-US')} ${preview.totalRows === 1 ? 'value' : 'items'}${preview.value ? ` · ${preview.value.bytes.toLocaleString('en-US')} bytes` : ''}`}
        </span>
        {isTable && (
          <>
            <input className="pw-input pw-input--small" type="search" placeholder="Filter rows…" aria-label="Filter rows" data-testid="preview-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <select
              className="pw-input pw-input--small"
              aria-label="Chart a column"
              data-testid="preview-chart-column"
              value={chartColumn ?? ''}
              onChange={(e) => setChartColumn(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">Chart a column…</option>
              {preview.columns.map((c, i) => (
                <option key={c.name} value={i}>
                  {c.name}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {isTable ? (
        <div className="pw-preview__content">
          <PreviewTable columns={preview.columns} rows={preview.rows ?? []} filter={filter} />
          {chartColumn !== null && preview.columns[chartColumn] && (
            <MiniChart column={preview.columns[chartColumn]} values={(preview.rows ?? []).map((r) => r[chartColumn])} onClose={() => setChartColumn(null)} />
          )}
        </div>
      ) : (
        <ValuePreview value={preview.value} />
      )}
    </div>
  );
}

function ValuePreview({ value }: { value: PortPreview['value'] }) {
  if (!value) return <p className="pw-logs__hint">No value.</p>;
  let parsed: unknown;
  try {
    parsed = value.truncated ? undefined : JSON.parse(value.text);
  } catch {
    parsed = undefined;
  }
  return (
    <div className="pw-preview__value" data-testid="preview-value">
      {parsed !== undefined ? <JsonTree value={parsed} /> : <pre className="pw-preview__text">{value.text}</pre>}
      {value.truncated && <p className="pw-logs__hint">Cut at {value.text.length.toLocaleString('en-US')} of {value.bytes.toLocaleString('en-US')} bytes.</p>}
    </div>
  );
}
