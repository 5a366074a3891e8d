import { toJsonText } from './json-text';

export interface ValuePreview {
  columns: [];
  rows: [];
  totalRows: number;
  value: { text: string; bytes: number; truncated: boolean };
}

/** How much of a json or text output a preview carries. */
export const valuePreviewBytes = 10 * 1024;

/** A bounded preview of a json or text output: its JSON text (a string as it is) cut at `maxBytes`, and its whole size. */
export function valuePreview(value: unknown, maxBytes = valuePreviewBytes): ValuePreview {
  const text = typeof value === 'string' ? value : toJsonText(value);
  const bytes = Buffer.byteLength(text);
  const totalRows = Array.isArray(value) ? value.length : 1;
  if (bytes <= maxBytes) return { columns: [], rows: [], totalRows, value: { text, bytes, truncated: false } };
  // Cut on a character boundary: drop a multi-byte character the cut split in two.
  const cut = Buffer.from(text).subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, '');
  return { columns: [], rows: [], totalRows, value: { text: cut, bytes, truncated: true } };
}
