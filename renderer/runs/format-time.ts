const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A log timestamp as local HH:MM:SS.mmm. */
export function formatTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
