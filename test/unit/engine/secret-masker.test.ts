import { describe, expect, it } from 'vitest';
import { createSecretMasker, maskingHost, referencedSecrets, secretForms } from '../../../node-library/engine/secret-masker';

const secret = 'p@ss w/rd+Ünïcode:42';

describe('secret masker', () => {
  it('masks a secret as is, URL-encoded, form-encoded, JSON-escaped and in base64', () => {
    const masker = createSecretMasker();
    masker.add(secret);
    const b64 = Buffer.from(secret).toString('base64');
    const lines = [
      `connecting with ${secret} now`,
      `GET https://api.test/?token=${encodeURIComponent(secret)}&x=1`,
      `body: token=${encodeURIComponent(secret).replace(/%20/g, '+')}`,
      `{"password":${JSON.stringify(secret)}}`,
      `Authorization: Bearer ${b64}`,
      `url-safe ${Buffer.from(secret).toString('base64url')}`,
      `unpadded ${b64.replace(/=+$/, '')}`,
    ];
    for (const line of lines) {
      const masked = masker.mask(line);
      expect(masked, line).toContain('***');
      for (const form of secretForms(secret)) expect(masked, line).not.toContain(form);
    }
    expect(masker.mask('nothing secret here')).toBe('nothing secret here');
  });

  it('masks a secret inside a longer base64 text at every alignment (Basic auth)', () => {
    const masker = createSecretMasker();
    masker.add('hunter2-correct-horse');
    for (const user of ['a', 'ab', 'abc', 'admin']) {
      const header = Buffer.from(`${user}:hunter2-correct-horse`).toString('base64');
      const masked = masker.mask(`Authorization: Basic ${header}`);
      expect(masked, user).toContain('***');
      // What is left cannot be decoded back into the secret.
      const rest = masked.replace('Authorization: Basic ', '').split('***').join('');
      expect(Buffer.from(rest, 'base64').toString('latin1')).not.toContain('hunter2-correct-horse');
      expect(Buffer.from(rest, 'base64').toString('latin1')).not.toContain('correct');
    }
  });

  it('masks every string in an event and leaves events alone when there are no secrets', () => {
    const masker = createSecretMasker();
    const event = { type: 'node:log', nodeId: 'n', message: `token ${secret}`, nested: [{ error: secret }], count: 3 };
    expect(masker.maskDeep(event)).toBe(event);
    masker.add(secret);
    expect(masker.maskDeep(event)).toEqual({ type: 'node:log', nodeId: 'n', message: 'token ***', nested: [{ error: '***' }], count: 3 });
    expect(event.message).toContain(secret);
  });

  it('ignores secrets too short to mask without blanking ordinary text, and handles regex characters', () => {
    const masker = createSecretMasker();
    masker.add('ab');
    expect(masker.mask('abba')).toBe('abba');
    masker.add('a.*b(c)[d]$');
    expect(masker.mask('x a.*b(c)[d]$ y aXXb')).toBe('x *** y aXXb');
  });

  it('remembers values the host hands out, and finds every secret a pipeline refers to', () => {
    const masker = createSecretMasker();
    const host = maskingHost({ resolvePath: (p) => p, resolveOutputPath: (p) => p, secret: (name) => (name === 'API_KEY' ? 'k-123456' : undefined) }, masker);
    expect(host.secret('API_KEY')).toBe('k-123456');
    expect(host.secret('MISSING')).toBeUndefined();
    expect(masker.mask('key=k-123456')).toBe('key=***');
    const nodes = [{ params: { headers: { Authorization: { $secret: 'A' }, Accept: 'json' }, connection: { $secret: 'B' } } }, { params: { list: [{ $secret: 'C' }] }, secrets: ['D'] }, {}];
    expect(referencedSecrets(nodes).sort()).toEqual(['A', 'B', 'C', 'D']);
  });
});
