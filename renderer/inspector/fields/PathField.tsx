import { useState } from 'react';
import { api } from '../../api/client';
import { asText, type FieldProps } from './field-props';

/** How many matching files the field offers at once: typing narrows them. */
const shownFiles = 8;

/**
 * path params: one line of text, and the files of the pipeline's folder the
 * node can read or write (by `extensions`) to pick from while it has focus.
 * The list is asked for on each focus, so a file saved since shows up.
 */
export function PathField({ testId, value, onChange, placeholder, invalid, label, pipelineId, extensions }: FieldProps & { pipelineId: string; extensions: readonly string[] }) {
  const [files, setFiles] = useState<readonly string[]>([]);
  const [open, setOpen] = useState(false);
  const text = asText(value);
  const needle = text.toLowerCase();
  const matches = files.filter((f) => f !== text && f.toLowerCase().includes(needle)).slice(0, shownFiles);
  return (
    <div
      className="pw-path"
      onFocus={() => {
        if (open) return;
        setOpen(true);
        api.listDataFiles(pipelineId, [...extensions]).then(setFiles, () => setFiles([]));
      }}
      // Open while focus stays inside: Tab from the input onto a file keeps the list.
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}
    >
      <input
        className="pw-input pw-input--mono"
        data-testid={testId}
        aria-label={label}
        aria-invalid={invalid}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      />
      {open && matches.length > 0 && (
        <div className="pw-suggestions" data-testid={`${testId}-files`}>
          <span className="pw-suggestions__label">In the pipeline's folder:</span>
          {matches.map((file) => (
            <button key={file} type="button" className="pw-suggestion" data-testid={`${testId}-file`} onClick={() => onChange(file)}>
              {file}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
