import { useState } from 'react';
import { toSecretName } from '../../secrets/secret-name';
import type { FieldProps } from './field-props';
import { LockIcon } from './LockIcon';

/** A row's value: text, or (where the param allows) a reference to a named secret. */
type RowValue = string | { $secret: string };
type Row = [key: string, value: RowValue];

const isSecret = (v: unknown): v is { $secret: string } => !!v && typeof v === 'object' && typeof (v as { $secret?: unknown }).$secret === 'string';

const asRows = (value: unknown): Row[] =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).map(([k, v]) => [k, typeof v === 'string' || isSecret(v) ? v : JSON.stringify(v)])
    : [];

/**
 * keyValue params: rows of key and value. Rows without a key stay on screen
 * but not in the file. With `secretValues` (HTTP headers) a row's lock
 * switches its value to the name of a secret, kept as `{ "$secret": NAME }`.
 */
export function KeyValueField({ testId, value, onChange, label, secretValues }: FieldProps & { secretValues?: boolean }) {
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
        <div className={`pw-kv__row${secretValues ? ' pw-kv__row--secrets' : ''}`} key={i}>
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
            aria-label={isSecret(v) ? `${label}: secret for ${k || `row ${i + 1}`}` : `${label}: value ${i + 1}`}
            placeholder={isSecret(v) ? 'SECRET_NAME' : 'value'}
            value={isSecret(v) ? v.$secret : v}
            onChange={(e) => update(rows.with(i, [k, isSecret(v) ? { $secret: toSecretName(e.target.value) } : e.target.value]))}
          />
          {secretValues && (
            <button
              type="button"
              className={`pw-icon-button${isSecret(v) ? ' pw-kv__secret--on' : ''}`}
              data-testid={`${testId}-secret-${i}`}
              aria-pressed={isSecret(v)}
              title={isSecret(v) ? 'A secret: its value comes from the secret store, never the file. Click for plain text.' : 'Take the value from a secret'}
              aria-label={`${k || `Row ${i + 1}`}: value from a secret`}
              onClick={() => update(rows.with(i, [k, isSecret(v) ? '' : { $secret: '' }]))}
            >
              <LockIcon />
            </button>
          )}
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
