import v8 from 'node:v8';

/**
 * Runner messages cross the fork channel as JSON: a small call's round trip
 * is 20-30 µs shorter than with structured clone ('advanced') on the bench
 * machine, which is most of a warm call. A message JSON would change (bytes,
 * BigInt, Date, Map, NaN, undefined in an array, a cycle...) crosses whole as
 * V8's serialisation inside a JSON envelope, so every value arrives exactly
 * as structured clone would deliver it.
 */
export type WireMessage = object | { $v8: string };

export function encodeMessage(message: object): WireMessage {
  return isJsonSafe(message, 0) ? message : { $v8: v8.serialize(message).toString('base64') };
}

export function decodeMessage(message: unknown): unknown {
  const v8Text = (message as { $v8?: unknown } | null)?.$v8;
  return typeof v8Text === 'string' ? v8.deserialize(Buffer.from(v8Text, 'base64')) : message;
}

// Deeper than any message we build; a cycle ends here too.
const maxDepth = 64;

/**
 * True when JSON.parse(JSON.stringify(value)) gives an equal value: strings,
 * booleans, finite numbers (not -0), null, arrays and plain objects of them.
 * An object's undefined property is allowed (it is dropped, and reads as
 * undefined on the other side all the same).
 */
function isJsonSafe(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth >= maxDepth) return false;
      if (Array.isArray(value)) {
        for (const item of value) if (item === undefined || !isJsonSafe(item, depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== undefined && !isJsonSafe(item, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
