import { useMemo, useState } from 'react';
import { nodePorts, type NodeTypeInfo, type PipelineFile, type PipelineNode } from '../../node-library/contract';
import { codeDeclaration, upstreamSchemas } from '../editor/code-declaration';
import type { CodeLanguage } from '../editor/code-language';
import { CodeEditor } from '../editor/CodeEditor';
import { LargeCodeEditor } from '../editor/LargeCodeEditor';
import { useMonaco } from '../editor/load-monaco';
import { useCodeModel } from '../editor/useCodeModel';
import { usePackageTypes } from '../editor/usePackageTypes';
import '../editor/code-field.css';
import type { NodeUpdates } from '../hooks/useUpdateNode';
import type { Previews } from '../store/run-slice';
import { CodeTextArea } from './fields/CodeTextArea';
import { useFocusRequest } from './useFocusRequest';

export interface CodeSectionProps {
  pipeline: PipelineFile;
  node: PipelineNode;
  info: NodeTypeInfo;
  language: CodeLanguage;
  previews: Previews;
  /** Problems about the code: the editor's own errors and the backend's. */
  problems: readonly string[];
  update: NodeUpdates;
}

const languageTitle: Record<CodeLanguage, string> = { typescript: 'TypeScript', javascript: 'JavaScript' };

/**
 * A code node's module: an inline Monaco editor, expandable to a large one,
 * both typed by the declaration generated from the node's ports, the
 * upstream schemas and the params.
 */
export function CodeSection({ pipeline, node, info, language, previews, problems, update }: CodeSectionProps) {
  const setup = useMonaco();
  const [expanded, setExpanded] = useState(false);
  const ref = useFocusRequest<HTMLElement>(node.id, 'code');
  const text = (node.code ?? []).join('\n');
  const ports = nodePorts(node, info);
  const schemas = useMemo(() => upstreamSchemas(pipeline, node.id, previews), [pipeline, node.id, previews]);
  const packages = useMemo(() => Object.keys(pipeline.dependencies ?? {}), [pipeline.dependencies]);
  const typedPackages = usePackageTypes(setup, pipeline.id, packages);
  const declaration = useMemo(
    () => codeDeclaration({ inputs: ports.inputs, outputs: ports.outputs, schemas, runParams: pipeline.params, nodeParams: node.params, packages, typedPackages }),
    [ports.inputs, ports.outputs, schemas, pipeline.params, node.params, packages, typedPackages],
  );
  const model = useCodeModel(setup, { pipelineId: pipeline.id, nodeId: node.id, language, text, declaration, onChange: update.setCode });
  const title = `${node.label ?? node.id} · ${languageTitle[language]}`;
  return (
    <section className="pw-inspector__section" ref={ref}>
      <div className="pw-code-section__head">
        <h3 className="pw-inspector__section-title">Code</h3>
        <button type="button" className="pw-link-button" data-testid="code-expand" disabled={!model} onClick={() => setExpanded(true)}>
          Expand
        </button>
      </div>
      {setup && model ? (
        <CodeEditor monaco={setup.monaco} model={model} testId="code-editor" label={title} lines={{ min: 8, max: 22 }} />
      ) : (
        <CodeTextArea testId="code-editor" label={title} language="javascript" value={text} invalid={problems.length > 0} onChange={(v) => update.setCode(typeof v === 'string' ? v : '')} />
      )}
      {problems.length > 0 ? (
        <ul className="pw-inspector__problems" data-testid="code-problems">
          {problems.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      ) : (
        <p className="pw-code-section__hint">Inputs, params and rows are typed from this node&apos;s ports and the upstream tables&apos; last preview.</p>
      )}
      {expanded && setup && model && <LargeCodeEditor monaco={setup.monaco} model={model} title={title} errors={problems} onClose={() => setExpanded(false)} />}
    </section>
  );
}
