import { useMemo } from 'react';
import { categories, histogram } from './chart-data';
import { isNumericType } from './preview-rows';

interface Props {
  column: { name: string; type: string };
  values: unknown[];
  onClose(): void;
}

/** A histogram of a numeric column or a bar chart of a categorical one, over the preview's rows. */
export function MiniChart({ column, values, onClose }: Props) {
  const numeric = isNumericType(column.type);
  const bars = useMemo(() => (numeric ? histogram(values) : categories(values)), [numeric, values]);
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <figure className="pw-chart" data-testid="preview-chart" data-kind={numeric ? 'histogram' : 'bars'}>
      <figcaption className="pw-chart__title">
        {numeric ? 'Histogram' : 'Most frequent values'} of <strong>{column.name}</strong> <span className="pw-chart__note">(first {values.length} rows)</span>
        <button type="button" className="pw-icon-button pw-chart__close" aria-label="Close chart" onClick={onClose}>
          ×
        </button>
      </figcaption>
      <ol className="pw-chart__bars">
        {bars.map((b) => (
          <li key={b.label} className="pw-chart__bar" title={`${b.label}: ${b.count}`}>
            <span className="pw-chart__label">{b.label}</span>
            <span className="pw-chart__track">
              <span className="pw-chart__fill" style={{ width: `${(b.count / max) * 100}%` }} />
            </span>
            <span className="pw-chart__count">{b.count}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
