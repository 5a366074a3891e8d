import type { FieldProps } from './field-props';
import { JsonField } from './JsonField';
import './structured-fields.css';

/**
 * A structured param (records, an inline table) as JSON: for what its form
 * cannot say, or a value that is not of its shape. `backToForm` when the
 * value fits the form again.
 */
export function JsonFallback({ backToForm, shape, ...props }: FieldProps & { backToForm?: () => void; shape: string }) {
  return (
    <div className="pw-records">
      <JsonField {...props} />
      {backToForm ? (
        <button type="button" className="pw-link-button" data-testid={`${props.testId}-as-form`} onClick={backToForm}>
          Edit as a form
        </button>
      ) : (
        props.value !== undefined && <span className="pw-field__description">Not {shape}: edit it as JSON.</span>
      )}
    </div>
  );
}
