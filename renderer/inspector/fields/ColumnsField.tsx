import { useState } from 'react';
import type { FieldProps } from './field-props';

const asColumns = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * columns params: a list of column names as chips. Suggestions come from the
 * upstream node's last preview, when a run has made one.
 */
export function ColumnsField({ testId, value, onChange, invalid, label, suggestions }: FieldProps & { suggestions: readonly string[] }) {
  const columns = asColumns(value);
  const [text, setText] = useState('');
  const set = (next: string[]) => onChange(next.length === 0 ? undefined : next);
  const add = (names: string[]) => {
    const fresh = names.map((n) => n.trim()).filter((n) => n !== '' && !columns.includes(n));
    if (fresh.length > 0) set([...columns, ...new Set(fresh)]);
    setText('');
  };
  const offered = suggestions.filter((s) => !columns.includes(s));
  return (
    <div className="pw-columns" aria-invalid={invalid}>
      {columns.length > 0 && (
        <ul className="pw-chips">
          {columns.map((c, i) => (
            <li key={c} className="pw-chip" data-testid={`${testId}-chip-${c}`}>
              <span className={suggestions.length > 0 && !suggestions.includes(c) ? 'pw-chip__unknown' : undefined} title={suggestions.length > 0 && !suggestions.includes(c) ? 'Not a column of the upstream preview' : undefined}>
                {c}
              </span>
              <button type="button" className="pw-chip__remove" aria-label={`Remove ${c}`} onClick={() => set(columns.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        className="pw-input pw-input--mono"
        data-testid={testId}
        aria-label={`${label}: add a column`}
        placeholder="Add a column, Enter"
        value={text}
        spellCheck={false}
        onChange={(e) => (e.target.value.includes(',') ? add(e.target.value.split(',')) : setText(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add([text]);
          } else if (e.key === 'Backspace' && text === '' && columns.length > 0) set(columns.slice(0, -1));
        }}
        onBlur={() => text.trim() && add([text])}
      />
      {offered.length > 0 && (
        <div className="pw-suggestions">
          <span className="pw-suggestions__label">From upstream:</span>
          {offered.map((s) => (
            <button key={s} type="button" className="pw-suggestion" data-testid={`${testId}-suggestion-${s}`} onClick={() => add([s])}>
              + {s}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
