import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from '../../../node-library/runner/wire-codec';

/** What the fork channel in 'json' mode does to a message. */
const overJson = (message: object) => decodeMessage(JSON.parse(JSON.stringify(encodeMessage(message))));

describe('runner messages over a JSON channel', () => {
  it('sends a plain message as it is', () => {
    const message = { type: 'call', callId: 1, inputs: { n: 1, s: 'é\u{1F600}', list: [1, 'a', null, { b: true }] }, params: {} };
    expect(encodeMessage(message)).toBe(message);
    expect(overJson(message)).toEqual(message);
  });

  it.each([
    ['a BigInt', { value: 2n ** 64n }],
    ['a Date', { value: new Date('2026-12-06T10:00:00Z') }],
    ['a Map and a Set', { value: new Map([['a', new Set([1, 2])]]) }],
    ['bytes', { table: { kind: 'arrow', bytes: Buffer.from([0, 1, 255]) } }],
    ['typed arrays', { value: [new Float64Array([1.5]), new BigInt64Array([3n])] }],
    ['NaN, Infinity and -0', { value: [NaN, Infinity, -0] }],
    ['undefined in an array', { value: [1, undefined, 3] }],
    ['an Error', { value: new RangeError('too far') }],
  ])('sends %s exactly as the structured-clone channel would', (_label, message) => {
    expect(encodeMessage(message)).not.toBe(message);
    // Node's 'advanced' fork channel is V8's serialiser with Node's host objects (a Buffer stays a Buffer).
    expect(overJson(message)).toStrictEqual(v8.deserialize(v8.serialize(message)));
  });

  it('keeps a Buffer a Buffer and a cycle a cycle', () => {
    const bytes = overJson({ bytes: Buffer.from('arrow') }) as { bytes: Buffer };
    expect(Buffer.isBuffer(bytes.bytes)).toBe(true);
    expect(bytes.bytes.toString()).toBe('arrow');
    const node: Record<string, unknown> = { id: 'a' };
    node.self = node;
    const back = overJson({ value: node }) as { value: Record<string, unknown> };
    expect(back.value.self).toBe(back.value);
  });
});
