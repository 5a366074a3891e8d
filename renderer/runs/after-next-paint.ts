/**
 * Resolves once the browser has painted the next frame. A run starts by
 * sending the whole pipeline to the backend (about 90 ms of JSON and socket
 * work for 10,000 nodes); waiting for the paint first lets the click show
 * at once, and that work runs as a task of its own. A hidden window paints
 * no frames, so it waits at most `limitMs`.
 */
export function afterNextPaint(limitMs = 100): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, limitMs);
  });
}
