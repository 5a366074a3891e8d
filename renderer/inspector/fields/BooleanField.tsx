import type { FieldProps } from './field-props';

/** boolean params: a checkbox; unticking back to the default removes the value. */
export function BooleanField({ testId, value, onChange, label, fallback }: FieldProps & { fallback: boolean }) {
  const checked = typeof value === 'boolean' ? value : fallback;
  return (
    <label className="pw-check">
      <input type="checkbox" data-testid={testId} aria-label={label} checked={checked} onChange={(e) => onChange(e.target.checked === fallback ? undefined : e.target.checked)} />
      <span>
        {checked ? 'Yes' : 'No'}
        {typeof value !== 'boolean' && <span className="pw-check__default"> (default)</span>}
      </span>
    </label>
  );
}
