/** A 64-bit (or wider) integer as a number when a double holds it exactly, else as its digits. */
export function safeInteger(value: bigint): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value.toString();
}

/** JSON text of any value, BigInts included (as numbers when exact, else strings). */
export function toJsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? safeInteger(v) : v), indent) ?? 'null';
}
