import { useState } from 'react';
import { nodePorts, portTypes, type NodeTypeInfo, type PipelineFile, type PipelineNode, type PortInfo, type PortType } from '../../node-library/contract';
import { addPort, freePortId, portIdProblem, removePort, renamePort, setPortType, type PortSide } from '../edits/edit-ports';
import { useAppStore } from '../store/app-store';

export interface PortsEditorProps {
  node: PipelineNode;
  info: NodeTypeInfo;
}

const sideTitle: Record<PortSide, string> = { inputs: 'Inputs', outputs: 'Outputs' };

/** Ports of a node whose type lets them be edited (code nodes): add, rename, retype, remove. Each change is one undo step. */
export function PortsEditor({ node, info }: PortsEditorProps) {
  const ports = nodePorts(node, info);
  const edit = (recipe: (p: PipelineFile) => PipelineFile) => useAppStore.getState().edit(recipe);
  return (
    <section className="pw-inspector__section" data-testid="ports-editor">
      <h3 className="pw-inspector__section-title">Ports</h3>
      {(['inputs', 'outputs'] as const).map((side) => (
        <div className="pw-ports" key={side} role="group" aria-label={sideTitle[side]}>
          <span className="pw-field__label">{sideTitle[side]}</span>
          {ports[side].length === 0 && <span className="pw-field__description">None.</span>}
          {ports[side].map((port, i) => (
            <PortRow
              // Keyed by position, so a rename keeps the row (and its focus).
              key={`${node.id}:${side}:${i}`}
              testId={`port-${side}-${i}`}
              port={port}
              problemOf={(id) => portIdProblem(node, info, side, id, port.id)}
              onRename={(id) => edit((p) => renamePort(p, node.id, info, side, port.id, id))}
              onType={(type) => edit((p) => setPortType(p, node.id, info, side, port.id, type))}
              onRemove={() => edit((p) => removePort(p, node.id, info, side, port.id))}
            />
          ))}
          <button type="button" className="pw-link-button" data-testid={`port-add-${side}`} onClick={() => edit((p) => addPort(p, node.id, info, side, freePortId(node, info, side)))}>
            + Add {side === 'inputs' ? 'input' : 'output'}
          </button>
        </div>
      ))}
    </section>
  );
}

interface PortRowProps {
  testId: string;
  port: PortInfo;
  problemOf(id: string): string | null;
  onRename(id: string): void;
  onType(type: PortType): void;
  onRemove(): void;
}

/** One port: its name (renamed on Enter or leaving the field, when valid), its type, and a remove button. */
function PortRow({ testId, port, problemOf, onRename, onType, onRemove }: PortRowProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const name = draft ?? port.id;
  const problem = draft === null ? null : problemOf(draft);
  const commit = () => {
    if (draft === null || problem) return;
    setDraft(null);
    onRename(draft);
  };
  return (
    <div className="pw-ports__row">
      <input
        className="pw-input pw-input--mono"
        data-testid={`${testId}-name`}
        aria-label={`Port ${port.id}: name`}
        aria-invalid={problem !== null}
        value={name}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(null);
        }}
      />
      <select className="pw-input" data-testid={`${testId}-type`} aria-label={`Port ${port.id}: type`} value={port.type} onChange={(e) => onType(e.target.value as PortType)}>
        {portTypes.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <button type="button" className="pw-icon-button" data-testid={`${testId}-remove`} aria-label={`Remove port ${port.id}`} onClick={onRemove}>
        ×
      </button>
      {problem && (
        <span className="pw-field__error pw-ports__error" data-testid={`${testId}-error`} role="alert">
          {problem}; the port keeps the name {port.id}.
        </span>
      )}
    </div>
  );
}
