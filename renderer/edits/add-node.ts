import type { NodeTypeInfo, PipelineFile } from '../../node-library/contract';
import type { XY } from '../store/pipeline-slice';
import { codeLanguage, starterCode } from '../editor/code-language';
import { nodeIdBase, uniqueNodeId } from './node-ids';

/**
 * A new node of type `info` at `position`, with no params set: the type's
 * defaults apply until the inspector sets a value, so the file stays short.
 * A code node starts with a small module to edit.
 */
export function addNode(pipeline: PipelineFile, info: Pick<NodeTypeInfo, 'type' | 'version' | 'editablePorts'>, position: XY): { pipeline: PipelineFile; nodeId: string } {
  const nodeId = uniqueNodeId(pipeline, nodeIdBase(info.type));
  const language = codeLanguage(info);
  return {
    nodeId,
    pipeline: {
      ...pipeline,
      nodes: [...pipeline.nodes, { id: nodeId, type: info.type, version: info.version, params: {}, ...(language && { code: starterCode(language) }) }],
      layout: { ...pipeline.layout, [nodeId]: { x: Math.round(position.x), y: Math.round(position.y) } },
    },
  };
}
