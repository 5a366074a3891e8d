/**
 * Seeded random values of every kind Electron's structured clone can carry
 * over IPC, for fuzzing handlers. The same seed gives the same payloads.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: small, fast, good enough to pick shapes.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const nastyStrings = [
  '', ' ', 'big-orders', '../../etc/passwd', '..\\..\\windows', '/', 'C:\\', '\u0000', '__proto__', 'constructor', 'toString',
  '%00', '\ud800', '😀'.repeat(50), 'a'.repeat(100_000), '<script>alert(1)</script>', "'; DROP TABLE runs; --", '${process.exit()}',
  'run_', 'file:///etc/passwd', 'NaN', '-1', '1e309', 'true', 'null', '{}', '[]',
];

export function randomValue(random: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const kinds = depth > 3 ? ['scalar', 'string'] : ['scalar', 'string', 'string', 'array', 'object', 'object', 'special'];
  switch (pick(kinds)) {
    case 'scalar':
      return pick([null, undefined, true, false, 0, -0, 1, -1, 2 ** 53, -(2 ** 31), 0.5, NaN, Infinity, -Infinity, Number.MAX_VALUE, Math.floor(random() * 1e6)]);
    case 'string':
      return random() < 0.6 ? pick(nastyStrings) : random().toString(36).repeat(1 + Math.floor(random() * 5));
    case 'array':
      return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth + 1));
    case 'object': {
      const keys = ['pipelineId', 'params', 'partial', 'concurrency', 'limit', 'state', 'id', 'nodes', 'edges', 'format', '__proto__', 'constructor', pick(nastyStrings)];
      const entries = Array.from({ length: Math.floor(random() * 5) }, () => [pick(keys), randomValue(random, depth + 1)] as const);
      const value: Record<string, unknown> = {};
      for (const [k, v] of entries) setOwn(value, k, v);
      return value;
    }
    default:
      return pick([new Date(random() * 1e13), new Date(NaN), 10n ** 30n, new Uint8Array(8), new Map([['a', 1]]), new Set([1]), /x/g, new Error('boom')]);
  }
}

/** A valid payload with one part swapped, added or dropped: the near misses a validator must catch. */
export function mutate(random: () => number, value: unknown): unknown {
  if (random() < 0.25 || value === null || typeof value !== 'object') return randomValue(random);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const roll = random();
  if (roll < 0.2 || keys.length === 0) setOwn(copy, nastyStrings[Math.floor(random() * nastyStrings.length)], randomValue(random));
  else if (roll < 0.35) delete (copy as Record<string, unknown>)[keys[Math.floor(random() * keys.length)]];
  else {
    const key = keys[Math.floor(random() * keys.length)];
    setOwn(copy, key, mutate(random, (copy as Record<string, unknown>)[key]));
  }
  return copy;
}

/** An own property even for "__proto__", as structured clone delivers it; plain assignment would swap the prototype. */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}
