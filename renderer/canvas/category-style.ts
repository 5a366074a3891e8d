/** How a node category looks: its colour (a CSS colour) and icon name. */
export interface CategoryStyle {
  color: string;
  icon: CategoryIconName;
}

export type CategoryIconName = 'source' | 'transform' | 'sink' | 'code' | 'database' | 'web' | 'flow' | 'utility' | 'generic';

const known: Record<string, CategoryStyle> = {
  sources: { color: '#1f9d8a', icon: 'source' },
  transforms: { color: '#3d6fe0', icon: 'transform' },
  sinks: { color: '#e0892b', icon: 'sink' },
  code: { color: '#8a5cd6', icon: 'code' },
  databases: { color: '#c2538f', icon: 'database' },
  http: { color: '#2c9ad1', icon: 'web' },
  web: { color: '#2c9ad1', icon: 'web' },
  flow: { color: '#c9a227', icon: 'flow' },
  control: { color: '#c9a227', icon: 'flow' },
  utilities: { color: '#7d8796', icon: 'utility' },
};

const cache = new Map<string, CategoryStyle>();

/**
 * The style of a category. Categories come from the backend's catalog, so an
 * unknown one still gets a stable colour (from a hash of its name).
 */
export function categoryStyle(category: string): CategoryStyle {
  const key = category.trim().toLowerCase();
  let style = cache.get(key);
  if (!style) {
    style = known[key] ?? known[`${key}s`] ?? { color: `hsl(${hash(key) % 360} 55% 50%)`, icon: 'generic' };
    cache.set(key, style);
  }
  return style;
}

function hash(text: string): number {
  let h = 7;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
