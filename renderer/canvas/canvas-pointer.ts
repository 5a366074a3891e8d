import type { XY } from '../store/pipeline-slice';

let last: XY | null = null;

/** Where the pointer last was over the canvas, in screen coordinates; quick add (`/`) opens there. */
export const canvasPointer = {
  get: (): XY | null => last,
  set: (at: XY | null) => void (last = at),
};
