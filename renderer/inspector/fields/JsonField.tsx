import { useDraft } from '../useDraft';
import type { FieldProps } from './field-props';

const format = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

function parse(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** json params: JSON text; text that does not parse shows why and is not saved. */
export function JsonField({ testId, value, onChange, placeholder, invalid, label }: FieldProps) {
  const [draft, setDraft] = useDraft(value, format);
  const parsed = draft.trim() === '' ? null : parse(draft);
  return (
    <>
      <textarea
        className="pw-input pw-input--mono pw-code"
        data-testid={testId}
        aria-label={label}
        aria-invalid={invalid || parsed?.ok === false}
        rows={Math.min(Math.max(draft.split('\n').length, 3), 16)}
        spellCheck={false}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => {
          const text = e.target.value;
          const next = text.trim() === '' ? { ok: true as const, value: undefined } : parse(text);
          if (next.ok) {
            setDraft(text, { value: next.value });
            onChange(next.value);
          } else setDraft(text);
        }}
      />
      {parsed?.ok === false && (
        <span className="pw-field__error" data-testid={`${testId}-draft-error`}>
          Not valid JSON, not saved: {parsed.message}
        </span>
      )}
    </>
  );
}
