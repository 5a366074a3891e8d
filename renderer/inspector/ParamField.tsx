import type { ParamInfo, PipelineFile } from '../../node-library/contract';
import { defaultHint, ParamEditor } from './ParamEditor';
import { useFocusRequest } from './useFocusRequest';

const refName = (value: unknown) =>
  value && typeof value === 'object' && typeof (value as { $param?: unknown }).$param === 'string' && Object.keys(value).length === 1
    ? (value as { $param: string }).$param
    : null;

export interface ParamFieldProps {
  nodeId: string;
  /** The open pipeline: file params suggest files of its folder. */
  pipelineId: string;
  param: ParamInfo;
  value: unknown;
  declared: PipelineFile['params'];
  columns: readonly string[];
  problems: readonly string[];
  onChange(value: unknown): void;
}

/**
 * One param of the selected node: label, editor, inline problems, and the
 * switch that makes it take a run parameter (`{ "$param": name }`) instead.
 */
export function ParamField({ nodeId, pipelineId, param, value, declared, columns, problems, onChange }: ParamFieldProps) {
  const ref = useFocusRequest<HTMLDivElement>(nodeId, `param:${param.name}`);
  const testId = `param-${param.name}`;
  const reference = refName(value);
  const names = Object.keys(declared);
  const canReference = names.length > 0 || reference !== null;
  return (
    <div className="pw-field" ref={ref} data-testid={`${testId}-field`}>
      <div className="pw-field__head">
        <span className="pw-field__label">
          {param.label}
          {param.required && <span className="pw-field__required" title="Required">*</span>}
        </span>
        <button
          type="button"
          className={`pw-ref-toggle${reference !== null ? ' pw-ref-toggle--on' : ''}`}
          data-testid={`${testId}-use-param`}
          aria-pressed={reference !== null}
          disabled={!canReference}
          title={canReference ? 'Take the value from a run parameter' : 'Declare run parameters in the pipeline settings first (click empty canvas)'}
          onClick={() => onChange(reference !== null ? undefined : { $param: names[0] })}
        >
          {'{$}'}
        </button>
      </div>
      {reference !== null ? (
        <select className="pw-input" data-testid={`${testId}-param`} aria-label={`${param.label}: run parameter`} value={reference} onChange={(e) => onChange({ $param: e.target.value })}>
          {!names.includes(reference) && <option value={reference}>{reference} (not declared)</option>}
          {names.map((n) => (
            <option key={n} value={n}>
              ${n} ({declared[n].type}
              {declared[n].default !== undefined ? ` = ${String(declared[n].default)}` : ''})
            </option>
          ))}
        </select>
      ) : (
        <ParamEditor param={param} columns={columns} pipelineId={pipelineId} testId={testId} value={value} onChange={onChange} placeholder={defaultHint(param)} invalid={problems.length > 0} label={param.label} />
      )}
      {param.description && <p className="pw-field__description">{param.description}</p>}
      {problems.map((message) => (
        <p key={message} className="pw-field__error" data-testid={`${testId}-error`}>
          {message}
        </p>
      ))}
    </div>
  );
}
