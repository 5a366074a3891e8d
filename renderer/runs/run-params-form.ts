import type { ParamValue, PipelineParam } from '../../node-library/contract';

/** What the form's fields hold: text for strings and numbers (as typed), a flag for booleans. */
export type FormValues = Record<string, string | boolean>;

/** A field without a default must be filled in for every run. */
export const isRequired = (param: PipelineParam) => param.default === undefined;

/** The values a run starts from: the last ones used for the pipeline, else each param's default. */
export function initialRunParams(params: Record<string, PipelineParam>, last: Record<string, ParamValue> | undefined): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  for (const [name, param] of Object.entries(params)) {
    const value = last?.[name] ?? param.default;
    if (value !== undefined && typeof value === param.type) values[name] = value;
  }
  return values;
}

/** The form's starting values, ready for its inputs. */
export function toFormValues(params: Record<string, PipelineParam>, values: Record<string, ParamValue>): FormValues {
  const form: FormValues = {};
  for (const [name, param] of Object.entries(params)) {
    const value = values[name];
    form[name] = param.type === 'boolean' ? value === true : value === undefined ? '' : String(value);
  }
  return form;
}

/**
 * Checks the form; gives the typed values to send, or a message per field that is wrong.
 * `unparsable` names number fields whose text the browser could not read as a number (it reports them empty).
 */
export function checkRunParams(
  params: Record<string, PipelineParam>,
  form: FormValues,
  unparsable: readonly string[] = [],
): { ok: true; values: Record<string, ParamValue> } | { ok: false; errors: Record<string, string> } {
  const values: Record<string, ParamValue> = {};
  const errors: Record<string, string> = {};
  for (const [name, param] of Object.entries(params)) {
    const raw = form[name];
    if (param.type === 'boolean') {
      values[name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw : '';
    if (param.type === 'number') {
      if (unparsable.includes(name)) errors[name] = 'Must be a finite number.';
      else if (text.trim() === '') errors[name] = isRequired(param) ? 'Required: enter a number.' : 'Enter a number.';
      else if (!Number.isFinite(Number(text))) errors[name] = 'Must be a finite number.';
      else values[name] = Number(text);
      continue;
    }
    if (text === '' && isRequired(param)) errors[name] = 'Required.';
    else values[name] = text;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}
