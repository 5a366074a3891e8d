import { asText, type FieldProps } from './field-props';

/** string and path params: one line of text; empty removes the value. */
export function TextField({ testId, value, onChange, placeholder, invalid, label, mono }: FieldProps & { mono?: boolean }) {
  return (
    <input
      className={`pw-input${mono ? ' pw-input--mono' : ''}`}
      data-testid={testId}
      aria-label={label}
      aria-invalid={invalid}
      value={asText(value)}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}
