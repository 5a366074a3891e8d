import { useDraft } from '../useDraft';
import type { FieldProps } from './field-props';

export interface NumberRules {
  integer?: boolean;
  min?: number;
}

/** What is wrong with a typed number, or null. */
function numberProblem(text: string, rules: NumberRules): string | null {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) return 'must be a number';
  if (rules.integer && !Number.isInteger(n)) return 'must be a whole number';
  if (rules.min !== undefined && n < rules.min) return `must be at least ${rules.min}`;
  return null;
}

/** number params and numeric run settings; a draft that is not a number shows why and is not saved. */
export function NumberField({ testId, value, onChange, placeholder, invalid, label, ...rules }: FieldProps & NumberRules) {
  const [draft, setDraft] = useDraft(value, (v) => (v === undefined ? '' : String(v)));
  const problem = draft.trim() === '' ? null : numberProblem(draft, rules);
  return (
    <>
      <input
        className="pw-input"
        inputMode="decimal"
        data-testid={testId}
        aria-label={label}
        aria-invalid={invalid || problem !== null}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => {
          const text = e.target.value;
          if (text.trim() === '') {
            setDraft(text, { value: undefined });
            onChange(undefined);
          } else if (numberProblem(text, rules) === null) {
            setDraft(text, { value: Number(text) });
            onChange(Number(text));
          } else setDraft(text);
        }}
      />
      {problem && (
        <span className="pw-field__error" data-testid={`${testId}-draft-error`}>
          {problem}; not saved
        </span>
      )}
    </>
  );
}
