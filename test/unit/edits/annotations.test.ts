import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { addFrame, addNote, boxAround, freePlace, moveItems, removeAnnotations } from '../../../renderer/edits/annotations';
import { csvPipeline } from '../helpers';

/** read at (0, 0) and write at (600, 0); a frame around read only, holding a note. */
function framed(): PipelineFile {
  const pipeline = { ...csvPipeline('in.csv', 'out.csv'), layout: { read: { x: 0, y: 0 }, write: { x: 600, y: 0 } } };
  const box = boxAround(pipeline, ['read'], {})!;
  const withFrame = addFrame(pipeline, box, 'Inputs').pipeline;
  return addNote(withFrame, { x: 20, y: -20 }, ['hi']).pipeline;
}

describe('frames and notes', () => {
  it('frames the given nodes with room around them and above for the title', () => {
    const frame = framed().annotations![0];
    expect(frame).toMatchObject({ id: 'frame_1', kind: 'frame', title: 'Inputs' });
    expect(frame.x).toBeLessThan(0);
    expect(frame.y).toBeLessThan(-40);
    expect(frame.x + frame.width).toBeGreaterThan(250);
    expect(frame.x + frame.width).toBeLessThan(600);
  });

  it('a moved frame carries the nodes and notes inside it by the same step, and nothing else', () => {
    const pipeline = framed();
    const frame = pipeline.annotations![0];
    const moved = moveItems(pipeline, { frame_1: { x: frame.x + 30, y: frame.y + 50 } }, pipeline, {});
    expect(moved.layout.read).toEqual({ x: 30, y: 50 });
    expect(moved.layout.write).toEqual({ x: 600, y: 0 });
    expect(moved.annotations![1]).toMatchObject({ id: 'note_1', x: 50, y: 30 });
    expect(moved.nodes).toBe(pipeline.nodes);
  });

  it('during a drag, what the frame carries is what it held when the drag began', () => {
    const base = framed();
    const frame = base.annotations![0];
    // Half-way, the frame passes over `write`: write must not be picked up.
    const halfway = moveItems(base, { frame_1: { x: frame.x + 600, y: frame.y } }, base, {});
    const done = moveItems(halfway, { frame_1: { x: frame.x + 620, y: frame.y } }, base, {});
    expect(done.layout.write).toEqual({ x: 600, y: 0 });
    expect(done.layout.read).toEqual({ x: 620, y: 0 });
  });

  it('returns the same pipeline when nothing moves, and drops the array when the last one goes', () => {
    const pipeline = framed();
    const frame = pipeline.annotations![0];
    expect(moveItems(pipeline, { frame_1: { x: frame.x, y: frame.y } }, pipeline, {})).toBe(pipeline);
    const none = removeAnnotations(pipeline, ['frame_1', 'note_1']);
    expect('annotations' in none).toBe(false);
  });

  it('places a new note where it hides no node', () => {
    const pipeline = framed();
    const at = freePlace(pipeline, { x: 0, y: 0, width: 240, height: 140 }, {});
    const overlapsRead = at.x < 250 && at.x + 240 > 0 && at.y < 86 && at.y + 140 > 0;
    expect(overlapsRead).toBe(false);
  });
});
