import { asObject, readSettingsFile } from '../node-library/model/corrupt-files';
import { writeFileAtomic } from '../node-library/model/save';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds?: Bounds;
  maximized?: boolean;
}

export const defaultSize = { width: 1400, height: 900 };
const minimum = { width: 800, height: 500 };

/**
 * Where to reopen the window: the saved bounds when they still overlap a
 * display enough to grab the title bar (a monitor may have gone), shrunk to
 * fit it; otherwise the default size, centred by Electron.
 */
export function restoredBounds(saved: WindowState | undefined, workAreas: readonly Bounds[]): Partial<Bounds> & { width: number; height: number } {
  const b = saved?.bounds;
  if (!b || ![b.x, b.y, b.width, b.height].every(Number.isFinite)) return { ...defaultSize };
  const area = workAreas.find((a) => overlap(b, a) >= 0.25 * Math.min(b.width * b.height, a.width * a.height) && b.y >= a.y && b.y < a.y + a.height);
  if (!area) return { ...defaultSize };
  const width = Math.max(minimum.width, Math.min(b.width, area.width));
  const height = Math.max(minimum.height, Math.min(b.height, area.height));
  const x = Math.min(Math.max(b.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(b.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

function overlap(a: Bounds, b: Bounds): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export async function loadWindowState(file: string): Promise<WindowState | undefined> {
  return readSettingsFile(file, (raw) => asObject(raw) as WindowState);
}

export function saveWindowState(file: string, state: WindowState): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}
