import type { FieldProps } from './field-props';
import { asText } from './field-props';

/** sql and code params as a monospace text area: shown while Monaco loads (see editor/CodeField). Empty removes the value. */
export function CodeTextArea({ testId, value, onChange, placeholder, invalid, label, language }: FieldProps & { language: 'sql' | 'javascript' }) {
  const text = asText(value);
  return (
    <textarea
      className="pw-input pw-input--mono pw-code"
      data-testid={testId}
      data-language={language}
      aria-label={label}
      aria-invalid={invalid}
      rows={Math.min(Math.max(text.split('\n').length, language === 'sql' ? 2 : 6), 20)}
      spellCheck={false}
      value={text}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Tab' || e.shiftKey) return;
        e.preventDefault();
        const el = e.currentTarget;
        el.setRangeText('  ', el.selectionStart, el.selectionEnd, 'end');
        onChange(el.value);
      }}
    />
  );
}
