import { useEffect, useState } from 'react';
import type { PipelineParam } from '../../node-library/contract';
import { useSubmitRunParams } from '../hooks/useRunPipeline';
import { useAppStore } from '../store/app-store';
import type { RunParamsForm } from '../store/ui-slice';
import './runs.css';
import { checkRunParams, isRequired, toFormValues, type FormValues } from './run-params-form';

/** Asks for a pipeline's run parameters before it runs. Enter runs, Escape cancels. */
export function RunParamsDialog({ form }: { form: RunParamsForm }) {
  const submit = useSubmitRunParams();
  const [values, setValues] = useState<FormValues>(() => toFormValues(form.params, form.initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const close = () => useAppStore.getState().setOverlay(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !form.submitting) useAppStore.getState().setOverlay(null);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [form.submitting]);
  const names = Object.keys(form.params);
  const change = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => {
      const rest = { ...e };
      delete rest[name];
      return rest;
    });
  };
  return (
    <div className="pw-modal-backdrop">
      <form
        className="pw-modal pw-run-params"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pw-run-params-title"
        data-testid="run-params-dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const { elements } = e.currentTarget;
          const unparsable = names.filter((name) => (elements.namedItem(name) as HTMLInputElement | null)?.validity.badInput === true);
          const checked = checkRunParams(form.params, values, unparsable);
          if (checked.ok) void submit(checked.values);
          else setErrors(checked.errors);
        }}
      >
        <h2 className="pw-modal__title" id="pw-run-params-title">
          Run parameters
        </h2>
        <p className="pw-dialog__message">Values for this run of {form.pipelineId}.</p>
        <div className="pw-run-params__fields">
          {names.map((name, i) => (
            <ParamField key={name} name={name} param={form.params[name]} value={values[name]} error={errors[name]} autoFocus={i === 0} onChange={change} />
          ))}
        </div>
        {form.error && (
          <pre className="pw-run-params__refusal" role="alert" data-testid="run-params-error">
            {form.error}
          </pre>
        )}
        <div className="pw-dialog__actions">
          <button type="submit" className="pw-button pw-button--primary" data-testid="run-params-submit" disabled={form.submitting}>
            {form.submitting ? 'Starting…' : '▶ Run'}
          </button>
          <button type="button" className="pw-button" data-testid="run-params-cancel" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

interface FieldProps {
  name: string;
  param: PipelineParam;
  value: string | boolean;
  error: string | undefined;
  autoFocus: boolean;
  onChange(name: string, value: string | boolean): void;
}

function ParamField({ name, param, value, error, autoFocus, onChange }: FieldProps) {
  const id = `pw-run-param-${name}`;
  const help = param.description ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [help, errorId].filter(Boolean).join(' ') || undefined;
  const required = isRequired(param) && param.type !== 'boolean';
  return (
    <div className="pw-run-params__field" data-testid={`run-param-field-${name}`}>
      {param.type === 'boolean' ? (
        <label className="pw-run-params__check">
          <input
            id={id}
            name={name}
            type="checkbox"
            checked={value === true}
            autoFocus={autoFocus}
            aria-describedby={describedBy}
            data-testid={`run-param-${name}`}
            onChange={(e) => onChange(name, e.target.checked)}
          />
          <span className="pw-run-params__label">{name}</span>
        </label>
      ) : (
        <>
          <label className="pw-run-params__label" htmlFor={id}>
            {name}
            {required && <span className="pw-run-params__required" aria-hidden="true">*</span>}
            <span className="pw-run-params__type">{param.type}</span>
          </label>
          <input
            id={id}
            name={name}
            className="pw-input"
            type={param.type === 'number' ? 'number' : 'text'}
            step={param.type === 'number' ? 'any' : undefined}
            value={typeof value === 'string' ? value : ''}
            required={required}
            autoFocus={autoFocus}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            data-testid={`run-param-${name}`}
            onChange={(e) => onChange(name, e.target.value)}
          />
        </>
      )}
      {param.description && (
        <p className="pw-run-params__help" id={help}>
          {param.description}
        </p>
      )}
      {error && (
        <p className="pw-run-params__error" id={errorId} data-testid={`run-param-error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}
