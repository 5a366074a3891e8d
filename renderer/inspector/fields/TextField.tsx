import { asText, type FieldProps } from './field-props';

/** string params: one line of text; empty removes the value. */
export function TextField({ testId, value, onChange, placeholder, invalid, label }: FieldProps) {
  return (
    <input
      className="pw-input"
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
