import { useState } from 'react';
import { nodeIdSchema, type PipelineFile, type PipelineParam } from '../../node-library/contract';
import type { PipelineUpdates } from '../hooks/useUpdatePipeline';
import { useDraft } from './useDraft';

type ParamType = PipelineParam['type'];
const types: ParamType[] = ['string', 'number', 'boolean'];

/** The pipeline's declared run parameters: type and default, which node params can take with `{$}`. */
export function RunParamsEditor({ params, update }: { params: PipelineFile['params']; update: PipelineUpdates }) {
  const [name, setName] = useState('');
  const nameProblem = name === '' ? null : name in params ? 'already declared' : nodeIdSchema.safeParse(name).success ? null : 'letters, digits, _ and -, starting with a letter';
  const add = () => {
    if (name === '' || nameProblem) return;
    update.setRunParam(name, { type: 'string' });
    setName('');
  };
  return (
    <section className="pw-inspector__section">
      <h3 className="pw-inspector__section-title">Run parameters</h3>
      {Object.entries(params).map(([key, param]) => (
        <div key={key} className="pw-run-param" data-testid={`run-param-${key}`}>
          <code className="pw-run-param__name">${key}</code>
          <select className="pw-input" aria-label={`${key}: type`} data-testid={`run-param-${key}-type`} value={param.type} onChange={(e) => update.setRunParam(key, { ...param, type: e.target.value as ParamType, default: undefined })}>
            {types.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <DefaultInput param={param} name={key} onChange={(value) => update.setRunParam(key, { ...param, default: value })} />
          <button type="button" className="pw-icon-button" aria-label={`Remove ${key}`} data-testid={`run-param-${key}-remove`} onClick={() => update.setRunParam(key, null)}>
            ×
          </button>
        </div>
      ))}
      <div className="pw-run-param">
        <input
          className="pw-input pw-input--mono"
          placeholder="new_parameter"
          aria-label="New run parameter name"
          data-testid="run-param-new-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <button type="button" className="pw-button" data-testid="run-param-add" disabled={name === '' || nameProblem !== null} onClick={add}>
          Add
        </button>
      </div>
      {nameProblem && <p className="pw-field__error">{nameProblem}</p>}
    </section>
  );
}

function DefaultInput({ param, name, onChange }: { param: PipelineParam; name: string; onChange(value: PipelineParam['default']): void }) {
  const testId = `run-param-${name}-default`;
  const [draft, setDraft] = useDraft(param.default, (v) => (v === undefined ? '' : String(v)));
  if (param.type === 'boolean') {
    return (
      <select className="pw-input" aria-label={`${name}: default`} data-testid={testId} value={param.default === undefined ? '' : String(param.default)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
        <option value="">no default</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  return (
    <input
      className="pw-input"
      aria-label={`${name}: default`}
      data-testid={testId}
      placeholder="no default"
      value={draft}
      onChange={(e) => {
        const text = e.target.value;
        if (text === '') setDraft(text, { value: undefined });
        else if (param.type === 'string') setDraft(text, { value: text });
        else if (Number.isFinite(Number(text))) setDraft(text, { value: Number(text) });
        else return setDraft(text);
        onChange(text === '' ? undefined : param.type === 'string' ? text : Number(text));
      }}
    />
  );
}
