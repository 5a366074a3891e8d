import { useState } from 'react';
import type { FieldProps } from './field-props';

type Row = [key: string, value: string];

const asRows = (value: unknown): Row[] =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]) : [];

/** keyValue params: rows of key and value. Rows without a key stay on screen but not in the file. */
export function KeyValueField({ testId, value, onChange, label }: FieldProps) {
  const [state, setState] = useState(() => ({ rows: asRows(value), seen: value }));
  let rows = state.rows;
  if (!Object.is(state.seen, value)) {
    rows = asRows(value);
    setState({ rows, seen: value });
  }
  const update = (next: Row[]) => {
    const record = Object.fromEntries(next.filter(([k]) => k.trim() !== ''));
    const committed = Object.keys(record).length === 0 ? undefined : record;
    setState({ rows: next, seen: committed });
    onChange(committed);
  };
  const duplicate = (key: string, i: number) => key !== '' && rows.findIndex(([k]) => k === key) !== i;
  return (
    <div className="pw-kv" role="group" aria-label={label}>
      {rows.map(([k, v], i) => (
        <div className="pw-kv__row" key={i}>
          <input
            className="pw-input pw-input--mono"
            data-testid={`${testId}-key-${i}`}
            aria-label={`${label}: key ${i + 1}`}
            aria-invalid={duplicate(k, i)}
            placeholder="key"
            value={k}
            onChange={(e) => update(rows.with(i, [e.target.value, v]))}
          />
          <input
            className="pw-input pw-input--mono"
            data-testid={`${testId}-value-${i}`}
            aria-label={`${label}: value ${i + 1}`}
            placeholder="value"
            value={v}
            onChange={(e) => update(rows.with(i, [k, e.target.value]))}
          />
          <button type="button" className="pw-icon-button" aria-label={`Remove row ${i + 1}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="pw-link-button" data-testid={`${testId}-add`} onClick={() => setState({ rows: [...rows, ['', '']], seen: state.seen })}>
        + Add row
      </button>
      {rows.some(([k], i) => duplicate(k, i)) && <span className="pw-field__error">A key is used twice; the last row wins.</span>}
    </div>
  );
}
