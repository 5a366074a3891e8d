/** What every param editor gets: the value in the file (or undefined) and how to change it. */
export interface FieldProps {
  /** The data-testid of the editor's main input, e.g. `param-condition`. */
  testId: string;
  value: unknown;
  /** `undefined` removes the value from the file, so the default applies. */
  onChange(value: unknown): void;
  placeholder?: string;
  invalid: boolean;
  label: string;
}

export const asText = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));
