import { describe, expect, it } from 'vitest';
import { valuePreview } from '../../../node-library/data/value-preview';

describe('valuePreview', () => {
  it('carries a small value whole, with its size and item count', () => {
    expect(valuePreview([{ a: 1 }, { a: 2n }])).toEqual({ columns: [], rows: [], totalRows: 2, value: { text: '[{"a":1},{"a":2}]', bytes: 17, truncated: false } });
    expect(valuePreview('plain text')).toEqual({ columns: [], rows: [], totalRows: 1, value: { text: 'plain text', bytes: 10, truncated: false } });
  });

  it('cuts a large value at the byte limit, never inside a character', () => {
    const big = { s: 'é'.repeat(10_000) };
    const preview = valuePreview(big, 1001);
    expect(preview.value.bytes).toBe(20_008);
    expect(preview.value.truncated).toBe(true);
    expect(Buffer.byteLength(preview.value.text)).toBeLessThanOrEqual(1001);
    expect(preview.value.text).toBe(`{"s":"${'é'.repeat(497)}`);
  });
});
