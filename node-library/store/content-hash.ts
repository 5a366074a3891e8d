/**
 * A 64-bit hash of a text (cyrb53's mixing, both lanes kept), for finding a
 * stored pipeline snapshot by content. Not collision-safe, so a match is only
 * a candidate: the caller compares the text. Plain JS rather than
 * node:crypto, whose first hash costs a cold start (an exported script) about
 * 9 ms of module loading and OpenSSL set-up; on a 1 MB pipeline it takes a
 * few ms, and an unchanged pipeline is not hashed again in a process.
 */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(16).padStart(8, '0')}${(h1 >>> 0).toString(16).padStart(8, '0')}`;
}
