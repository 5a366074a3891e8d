import type { FieldProps } from './field-props';

/** enum params (and choice settings): a select; the empty choice removes the value. */
export function EnumField({ testId, value, onChange, label, options, placeholder, invalid }: FieldProps & { options: readonly string[] }) {
  const current = typeof value === 'string' ? value : '';
  return (
    <select className="pw-input" data-testid={testId} aria-label={label} aria-invalid={invalid} value={current} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
      <option value="">{placeholder ?? '—'}</option>
      {current !== '' && !options.includes(current) && <option value={current}>{current} (unknown)</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
