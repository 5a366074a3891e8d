import type { ReactNode } from 'react';
import { triggerRuleSchema, type PipelineNode, type PortInfo } from '../../node-library/contract';
import type { NodeSettings } from '../edits/update-node';
import type { NodeUpdates } from '../hooks/useUpdateNode';
import { BooleanField } from './fields/BooleanField';
import { EnumField } from './fields/EnumField';
import { NumberField, type NumberRules } from './fields/NumberField';
import { useFocusRequest } from './useFocusRequest';

type NumericKey = 'retries' | 'retryDelayMs' | 'retryBackoff' | 'retryMaxDelayMs' | 'timeoutMs';

const numeric: { key: NumericKey; label: string; placeholder: string; rules: NumberRules }[] = [
  { key: 'retries', label: 'Retries', placeholder: '0', rules: { integer: true, min: 0 } },
  { key: 'retryDelayMs', label: 'Retry delay (ms)', placeholder: '1000', rules: { integer: true, min: 0 } },
  { key: 'retryBackoff', label: 'Backoff factor', placeholder: '2', rules: { min: 1 } },
  { key: 'retryMaxDelayMs', label: 'Max retry delay (ms)', placeholder: 'none', rules: { integer: true, min: 0 } },
  { key: 'timeoutMs', label: 'Timeout (ms)', placeholder: 'none', rules: { integer: true, min: 1 } },
];

export interface RunSettingsProps {
  node: PipelineNode;
  inputs: PortInfo[];
  problems: ReadonlyMap<string, string[]>;
  update: NodeUpdates;
}

/** How the engine runs the node: retries, timeout, cache, trigger rule, mapping. */
export function RunSettings({ node, inputs, problems, update }: RunSettingsProps) {
  return (
    <details className="pw-inspector__section" open={hasSettings(node)}>
      <summary className="pw-inspector__section-title" data-testid="run-settings-toggle">
        Run settings
      </summary>
      <div className="pw-settings-grid">
        {numeric.map(({ key, label, placeholder, rules }) => (
          <Setting key={key} nodeId={node.id} name={key} label={label} problems={problems.get(`setting:${key}`)}>
            <NumberField testId={`setting-${key}`} label={label} value={node[key]} placeholder={placeholder} invalid={problems.has(`setting:${key}`)} onChange={(v) => update.setSetting(key, v as number | undefined)} {...rules} />
          </Setting>
        ))}
        <Setting nodeId={node.id} name="trigger" label="Run when" problems={problems.get('setting:trigger')}>
          <EnumField
            testId="setting-trigger"
            label="Run when"
            value={node.trigger}
            options={triggerRuleSchema.options.filter((o) => o !== 'all_success')}
            placeholder="all_success (default)"
            invalid={problems.has('setting:trigger')}
            onChange={(v) => update.setSetting('trigger', v as NodeSettings['trigger'])}
          />
        </Setting>
        <Setting nodeId={node.id} name="mapOver" label="Map over input" problems={problems.get('setting:mapOver')}>
          <EnumField
            testId="setting-mapOver"
            label="Map over input"
            value={node.mapOver}
            options={inputs.map((p) => p.id)}
            placeholder="no mapping"
            invalid={problems.has('setting:mapOver')}
            onChange={(v) => update.setSetting('mapOver', v as string | undefined)}
          />
        </Setting>
        <Setting nodeId={node.id} name="cache" label="" problems={problems.get('setting:cache')}>
          <BooleanField testId="setting-cache" label="Cache the output" value={node.cache} fallback={false} invalid={false} onChange={(v) => update.setSetting('cache', v as boolean | undefined)} />
        </Setting>
      </div>
    </details>
  );
}

function Setting({ nodeId, name, label, problems, children }: { nodeId: string; name: string; label: string; problems?: string[]; children: ReactNode }) {
  const ref = useFocusRequest<HTMLDivElement>(nodeId, `setting:${name}`);
  return (
    <div className="pw-field pw-field--compact" ref={ref}>
      {label && <span className="pw-field__label">{label}</span>}
      {children}
      {problems?.map((m) => (
        <p key={m} className="pw-field__error" data-testid={`setting-${name}-error`}>
          {m}
        </p>
      ))}
    </div>
  );
}

const hasSettings = (node: PipelineNode) =>
  [node.retries, node.retryDelayMs, node.retryBackoff, node.retryMaxDelayMs, node.timeoutMs, node.cache, node.trigger, node.mapOver].some((v) => v !== undefined);
