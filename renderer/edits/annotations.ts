import type { Annotation, FrameAnnotation, NoteAnnotation, PipelineFile } from '../../node-library/contract';
import type { NodeSize, XY } from '../store/pipeline-slice';

export const noteSize = { width: 240, height: 140 };
export const frameSize = { width: 520, height: 320 };
/** Room around framed nodes, and above them for the frame's title. */
const framePadding = 40;
const frameTitleRoom = 44;
/** What a node measures before the canvas has measured it. */
const unmeasured: NodeSize = { width: 250, height: 86 };

export const annotationsOf = (pipeline: Pick<PipelineFile, 'annotations'>): Annotation[] => pipeline.annotations ?? [];

export function isAnnotation(pipeline: PipelineFile | null, id: string): boolean {
  return !!pipeline && annotationsOf(pipeline).some((a) => a.id === id);
}

/** `frame_1`, `note_2`: unique among annotations and nodes, since both are items on one canvas. */
export function uniqueAnnotationId(pipeline: PipelineFile, kind: Annotation['kind']): string {
  const used = new Set([...pipeline.nodes.map((n) => n.id), ...annotationsOf(pipeline).map((a) => a.id)]);
  for (let n = 1; ; n++) if (!used.has(`${kind}_${n}`)) return `${kind}_${n}`;
}

function withAnnotations(pipeline: PipelineFile, annotations: Annotation[]): PipelineFile {
  if (annotations.length > 0) return { ...pipeline, annotations };
  const { annotations: _none, ...rest } = pipeline;
  return rest;
}

const rounded = (box: XY & Partial<NodeSize>) => Object.fromEntries(Object.entries(box).map(([k, v]) => [k, Math.round(v)]));

export function addNote(pipeline: PipelineFile, at: XY, text: string[] = []): { pipeline: PipelineFile; id: string } {
  const id = uniqueAnnotationId(pipeline, 'note');
  const note: NoteAnnotation = { id, kind: 'note', text, ...noteSize, ...rounded(at) } as NoteAnnotation;
  return { id, pipeline: withAnnotations(pipeline, [...annotationsOf(pipeline), note]) };
}

export function addFrame(pipeline: PipelineFile, box: XY & NodeSize, title = 'Frame'): { pipeline: PipelineFile; id: string } {
  const id = uniqueAnnotationId(pipeline, 'frame');
  const frame = { id, kind: 'frame', title, ...rounded(box) } as FrameAnnotation;
  return { id, pipeline: withAnnotations(pipeline, [...annotationsOf(pipeline), frame]) };
}

/** The box of a node as drawn: its layout position and its measured (else usual) size. */
export function nodeBox(pipeline: PipelineFile, id: string, sizes: Record<string, NodeSize>): (XY & NodeSize) | null {
  const at = pipeline.layout[id];
  return at ? { x: at.x, y: at.y, ...(sizes[id] ?? unmeasured) } : null;
}

/** A frame's box around the given nodes, with room for its title; null when none has a place. */
export function boxAround(pipeline: PipelineFile, nodeIds: readonly string[], sizes: Record<string, NodeSize>): (XY & NodeSize) | null {
  const boxes = nodeIds.map((id) => nodeBox(pipeline, id, sizes)).filter((b) => b !== null);
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x)) - framePadding;
  const top = Math.min(...boxes.map((b) => b.y)) - framePadding - frameTitleRoom;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + framePadding;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + framePadding;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const overlaps = (a: XY & NodeSize, b: XY & NodeSize) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The place nearest `box` where it covers no node and no note, so a new note is not hidden; `box` itself when none is near. */
export function freePlace(pipeline: PipelineFile, box: XY & NodeSize, sizes: Record<string, NodeSize>): XY {
  const taken = [...pipeline.nodes.map((n) => nodeBox(pipeline, n.id, sizes)), ...annotationsOf(pipeline).filter((a) => a.kind === 'note')].filter((b) => b !== null);
  const step = 40;
  const offsets: XY[] = [];
  for (let dx = -15; dx <= 15; dx++) for (let dy = -15; dy <= 15; dy++) offsets.push({ x: dx * step, y: dy * step });
  offsets.sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y));
  const free = offsets.map((o) => ({ ...box, x: box.x + o.x, y: box.y + o.y })).find((candidate) => !taken.some((t) => overlaps(candidate, t)));
  return free ? { x: free.x, y: free.y } : box;
}

/** Changes one annotation's fields; the same pipeline when nothing changes. */
export function updateAnnotation(pipeline: PipelineFile, id: string, change: Partial<Omit<FrameAnnotation, 'id' | 'kind'>> | Partial<Omit<NoteAnnotation, 'id' | 'kind'>>): PipelineFile {
  let changed = false;
  const annotations = annotationsOf(pipeline).map((a) => {
    if (a.id !== id) return a;
    const next = { ...a, ...change } as Annotation;
    changed = Object.entries(change).some(([k, v]) => JSON.stringify(v) !== JSON.stringify((a as Record<string, unknown>)[k]));
    return changed ? next : a;
  });
  return changed ? withAnnotations(pipeline, annotations) : pipeline;
}

export function removeAnnotations(pipeline: PipelineFile, ids: readonly string[]): PipelineFile {
  const gone = new Set(ids);
  const kept = annotationsOf(pipeline).filter((a) => !gone.has(a.id));
  return kept.length === annotationsOf(pipeline).length ? pipeline : withAnnotations(pipeline, kept);
}

const inside = (frame: XY & NodeSize, box: XY & NodeSize) => {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return cx > frame.x && cx < frame.x + frame.width && cy > frame.y && cy < frame.y + frame.height;
};

/** What a frame carries when dragged: the nodes and notes whose middle lies inside it. */
export function frameContents(pipeline: PipelineFile, frame: FrameAnnotation, sizes: Record<string, NodeSize>): { nodeIds: string[]; annotationIds: string[] } {
  const nodeIds = pipeline.nodes.map((n) => n.id).filter((id) => {
    const box = nodeBox(pipeline, id, sizes);
    return box !== null && inside(frame, box);
  });
  const annotationIds = annotationsOf(pipeline)
    .filter((a) => a.kind === 'note' && inside(frame, a))
    .map((a) => a.id);
  return { nodeIds, annotationIds };
}

/**
 * The pipeline with items moved to new (rounded) positions: nodes in the
 * layout, frames and notes in annotations. A moved frame takes along what it
 * held in `base` (the pipeline as the drag began), by the frame's own step.
 * The same pipeline when nothing moved.
 */
export function moveItems(pipeline: PipelineFile, positions: Record<string, XY>, base: PipelineFile, sizes: Record<string, NodeSize>): PipelineFile {
  const targets = { ...positions };
  for (const [id, to] of Object.entries(positions)) {
    const frame = annotationsOf(pipeline).find((a): a is FrameAnnotation => a.id === id && a.kind === 'frame');
    const baseFrame = annotationsOf(base).find((a): a is FrameAnnotation => a.id === id && a.kind === 'frame');
    if (!frame || !baseFrame) continue;
    const dx = Math.round(to.x) - frame.x;
    const dy = Math.round(to.y) - frame.y;
    const carried = frameContents(base, baseFrame, sizes);
    for (const nodeId of carried.nodeIds) {
      const at = pipeline.layout[nodeId];
      if (at && !(nodeId in positions)) targets[nodeId] = { x: at.x + dx, y: at.y + dy };
    }
    for (const noteId of carried.annotationIds) {
      const note = annotationsOf(pipeline).find((a) => a.id === noteId);
      if (note && !(noteId in positions)) targets[noteId] = { x: note.x + dx, y: note.y + dy };
    }
  }
  let layout: PipelineFile['layout'] | undefined;
  let annotations: Annotation[] | undefined;
  for (const [id, position] of Object.entries(targets)) {
    const x = Math.round(position.x);
    const y = Math.round(position.y);
    const current = pipeline.layout[id];
    if (pipeline.nodes.some((n) => n.id === id)) {
      if (current && current.x === x && current.y === y) continue;
      layout ??= { ...pipeline.layout };
      layout[id] = { ...current, x, y };
      continue;
    }
    const index = annotationsOf(pipeline).findIndex((a) => a.id === id);
    const annotation = annotationsOf(pipeline)[index];
    if (!annotation || (annotation.x === x && annotation.y === y)) continue;
    annotations ??= [...annotationsOf(pipeline)];
    annotations[index] = { ...annotation, x, y };
  }
  if (!layout && !annotations) return pipeline;
  return { ...pipeline, ...(layout && { layout }), ...(annotations && { annotations }) };
}
