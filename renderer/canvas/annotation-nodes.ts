import type { Node } from '@xyflow/react';
import type { Annotation, FrameAnnotation, NoteAnnotation, PipelineFile } from '../../node-library/contract';
import { annotationsOf } from '../edits/annotations';

export type FrameFlowNode = Node<{ annotation: FrameAnnotation }, 'frame'>;
export type NoteFlowNode = Node<{ annotation: NoteAnnotation }, 'note'>;
export type AnnotationFlowNode = FrameFlowNode | NoteFlowNode;

/** Frames lie under everything, even when selected (xyflow lifts a selected item by 1000). */
const frameZ = -2000;

/**
 * Frames and notes as xyflow nodes. `cache` keeps each one's object while it
 * and its selection are unchanged, so their memoised views skip re-rendering.
 */
export function annotationNodes(pipeline: PipelineFile, selectedIds: readonly string[], cache: Map<string, { annotation: Annotation; selected: boolean; node: AnnotationFlowNode }>): AnnotationFlowNode[] {
  const selected = new Set(selectedIds);
  const nodes = annotationsOf(pipeline).map((annotation) => {
    const isSelected = selected.has(annotation.id);
    const cached = cache.get(annotation.id);
    if (cached && cached.annotation === annotation && cached.selected === isSelected) return cached.node;
    const node = toNode(annotation, isSelected);
    cache.set(annotation.id, { annotation, selected: isSelected, node });
    return node;
  });
  if (cache.size > nodes.length) for (const id of cache.keys()) if (!nodes.some((n) => n.id === id)) cache.delete(id);
  return nodes;
}

function toNode(annotation: Annotation, selected: boolean): AnnotationFlowNode {
  const { x, y, width, height } = annotation;
  const common = { id: annotation.id, position: { x, y }, width, height, measured: { width, height }, handles: [], selected };
  return annotation.kind === 'frame'
    ? { ...common, type: 'frame', zIndex: frameZ, dragHandle: '.pw-frame__title', data: { annotation } }
    : { ...common, type: 'note', data: { annotation } };
}
