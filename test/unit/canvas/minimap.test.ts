import { describe, expect, it } from 'vitest';
import { fitMinimap, toFlowPoint, toMinimap, visibleBox } from '../../../renderer/canvas/minimap-geometry';
import { packRgba, paintBox } from '../../../renderer/canvas/minimap-pixels';

const size = { width: 170, height: 110 };

describe('minimap geometry', () => {
  it('fits the nodes and the view inside the minimap, centred, and maps a pixel back to the flow point under it', () => {
    const content = { x: 0, y: 0, width: 3200, height: 6800 };
    const view = visibleBox([-100, -50, 0.5], 800, 600); // x 200, y 100, 1600 x 1200
    expect(view).toEqual({ x: 200, y: 100, width: 1600, height: 1200 });
    const fit = fitMinimap(content, view, size);
    for (const box of [content, view]) {
      const at = toMinimap(fit, box);
      expect(at.x).toBeGreaterThanOrEqual(0);
      expect(at.y).toBeGreaterThanOrEqual(0);
      expect(at.x + at.width).toBeLessThanOrEqual(size.width + 1e-9);
      expect(at.y + at.height).toBeLessThanOrEqual(size.height + 1e-9);
    }
    // Tall content: centred across.
    const drawn = toMinimap(fit, content);
    expect(drawn.x + drawn.width / 2).toBeCloseTo(size.width / 2);
    const point = toFlowPoint(fit, drawn.x + drawn.width / 2, drawn.y + drawn.height / 2);
    expect(point.x).toBeCloseTo(1600);
    expect(point.y).toBeCloseTo(3400);
  });

  it('with no nodes frames the view alone', () => {
    const view = { x: -10, y: -10, width: 100, height: 100 };
    const at = toMinimap(fitMinimap(null, view, size), view);
    expect(at.height).toBeGreaterThan(90);
    expect(at.y).toBeGreaterThan(0);
  });
});

describe('minimap pixels', () => {
  const red = packRgba([255, 0, 0, 255]);

  it('packs bytes in ImageData order', () => {
    const bytes = new Uint8ClampedArray(new Uint32Array([packRgba([1, 2, 3, 4])]).buffer);
    expect([...bytes]).toEqual([1, 2, 3, 4]);
  });

  it('fills a box, keeps a sub-pixel box one pixel big, and clips at the edges', () => {
    const [width, height] = [10, 5];
    const pixels = new Uint32Array(width * height);
    paintBox(pixels, width, height, 1, 1, 3, 2, red);
    paintBox(pixels, width, height, 7.2, 3.4, 0.1, 0.1, red);
    paintBox(pixels, width, height, 8.5, -3, 10, 4, red);
    paintBox(pixels, width, height, -20, 0, 5, 5, red); // wholly outside
    const rows = Array.from({ length: height }, (_, y) => Array.from(pixels.subarray(y * width, (y + 1) * width), (p) => (p === red ? '#' : '.')).join(''));
    expect(rows).toEqual(['........##', '.###......', '.###......', '.......#..', '..........']);
  });
});
