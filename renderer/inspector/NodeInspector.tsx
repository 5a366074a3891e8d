import { nodePorts, type NodeTypeInfo, type PipelineFile, type PipelineNode, type PipelineProblem } from '../../node-library/contract';
import { CategoryIcon } from '../canvas/CategoryIcon';
import { categoryStyle } from '../canvas/category-style';
import { useUpdateNode } from '../hooks/useUpdateNode';
import type { Previews } from '../store/run-slice';
import { codeLanguage } from '../editor/code-language';
import { CodeSection } from './CodeSection';
import { nodeProblems } from './node-problems';
import { ParamField } from './ParamField';
import { PortsEditor } from './PortsEditor';
import { RunSettings } from './RunSettings';
import { useFocusRequest } from './useFocusRequest';

export interface NodeInspectorProps {
  pipeline: PipelineFile;
  node: PipelineNode;
  info: NodeTypeInfo | undefined;
  problems: readonly PipelineProblem[];
  previews: Previews;
}

/** The selected node: its title, what its type does, its params and its run settings. */
export function NodeInspector({ pipeline, node, info, problems, previews }: NodeInspectorProps) {
  const update = useUpdateNode(node.id);
  const labelRef = useFocusRequest<HTMLLabelElement>(node.id, 'label');
  const { byField, general } = nodeProblems(pipeline, problems, node.id);
  const style = categoryStyle(info?.category ?? 'unknown');
  const columns = upstreamColumns(pipeline, node.id, previews);
  const language = codeLanguage(info);
  return (
    <div className="pw-inspector__body" data-testid="node-inspector">
      <header className="pw-inspector__head">
        <span className="pw-inspector__icon" style={{ background: style.color }}>
          <CategoryIcon name={style.icon} />
        </span>
        <div>
          <div className="pw-inspector__type-title">{info?.title ?? 'Unknown node type'}</div>
          <code className="pw-inspector__type">
            {node.type} · {node.id}
          </code>
        </div>
      </header>
      <label className="pw-field" ref={labelRef}>
        <span className="pw-field__label">Title</span>
        <input className="pw-input" data-testid="inspector-label" value={node.label ?? ''} placeholder={info?.title ?? node.id} onChange={(e) => update.setLabel(e.target.value)} />
      </label>
      <p className="pw-inspector__description" data-testid="inspector-description">
        {info?.description ?? `The backend does not know the node type ${node.type}. Its params are kept as they are.`}
      </p>
      {general.length > 0 && (
        <ul className="pw-inspector__problems" data-testid="inspector-problems">
          {general.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {info && info.params.length > 0 && (
        <section className="pw-inspector__section">
          <h3 className="pw-inspector__section-title">Parameters</h3>
          {info.params.map((param) => (
            <ParamField
              key={`${node.id}:${param.name}`}
              nodeId={node.id}
              pipelineId={pipeline.id}
              param={param}
              value={node.params[param.name]}
              declared={pipeline.params}
              columns={param.kind === 'columns' || param.kind === 'records' ? columns : []}
              problems={byField.get(`param:${param.name}`) ?? []}
              onChange={(value) => update.setParam(param.name, value)}
            />
          ))}
        </section>
      )}
      {info?.editablePorts && <PortsEditor node={node} info={info} />}
      {info && language && (
        <CodeSection key={`code:${node.id}`} pipeline={pipeline} node={node} info={info} language={language} previews={previews} problems={byField.get('code') ?? []} update={update} />
      )}
      <RunSettings key={node.id} node={node} inputs={info ? nodePorts(node, info).inputs : []} problems={byField} update={update} />
    </div>
  );
}

/** Column names of the tables flowing into the node, from the upstream nodes' last previews. */
function upstreamColumns(pipeline: PipelineFile, nodeId: string, previews: Previews): string[] {
  const names = pipeline.edges.filter((e) => e.to.node === nodeId).flatMap((e) => previews[e.from.node]?.[e.from.port]?.columns.map((c) => c.name) ?? []);
  return [...new Set(names)];
}
