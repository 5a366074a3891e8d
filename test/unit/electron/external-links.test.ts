import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, openExternalIfAllowed } from '../../../electron/external-links';

const hosts = ['github.com', 'docs.example.org'];

/** A small seeded PRNG, so a failing mutation reproduces. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** Changes that must each make a URL unacceptable, whatever the rest of it says. */
const hostileMutations: ((url: string, pick: () => number) => string)[] = [
  (u) => u.replace('https:', 'http:'),
  (u) => u.replace('https:', 'javascript:alert(1)//'),
  (u) => u.replace('https://', 'file:///'),
  (u) => u.replace('https://', 'ftp://'),
  (u) => u.replace('https://', 'https://evil.test@'),
  (u) => u.replace('https://', 'https://user:pass@'),
  (u) => u.replace(/^https:\/\/([^/]+)/, 'https://$1.evil.test'),
  (u) => u.replace(/^https:\/\/([^/]+)/, 'https://$1:8443'),
  (u) => u.replace(/^https:\/\/([^/]+)/, 'https://evil.test#$1'),
  (u) => u.replace(/^https:\/\/([^/]+)/, 'https://evil.test\\@$1'),
  (u) => u.replace(/^https:\/\/([^/]+)/, 'https://$1\\@evil.test'),
  (u) => u.replace(/^https:\/\/([^/]+)/, 'https://$1%2eevil.test'),
  (u) => u.replace(/^https:\/\/([^/]+)/, (_m, h: string) => `https://${h.replace('o', '\u043e')}`), // Cyrillic o
  (u) => u.replace(/^https:\/\/([^/]+)/, (_m, h: string) => `https://${h.slice(1)}`),
  (u) => u.replace(/^https:\/\//, 'https:/'),
  (u) => u.replace(/^https:\/\//, 'https:'),
  (u, pick) => insertAt(u, pick, '\t'),
  (u, pick) => insertAt(u, pick, '\n'),
  (u, pick) => insertAt(u, pick, '\u0000'),
  (u, pick) => insertAt(u, pick, ' '),
  (u) => ` ${u}`,
  (u) => `${u}`.replace('https://', 'https://\u200b'),
  (u) => u.replace('https://', '//'),
  (u) => `${u}${'a'.repeat(3000)}`,
];

function insertAt(url: string, pick: () => number, text: string): string {
  const at = Math.floor(pick() * url.length);
  return url.slice(0, at) + text + url.slice(at);
}

describe('openExternal filter', () => {
  it('accepts plain https links to allowlisted hosts', () => {
    for (const url of ['https://github.com/pipewright', 'https://GITHUB.com/a?b=c#d', 'HTTPS://docs.example.org/', 'https://github.com:443/x']) {
      expect(isAllowedExternalUrl(url, hosts), url).toBe(true);
    }
  });

  it('refuses non-strings and unparsable text', () => {
    for (const value of [undefined, null, 42, {}, ['https://github.com/'], '', 'github.com', 'https://']) {
      expect(isAllowedExternalUrl(value, hosts)).toBe(false);
    }
  });

  it('refuses every hostile mutation of allowed URLs (2,000 mutated URLs, seeded)', () => {
    const pick = random(20_261_122);
    const seeds = ['https://github.com/pipewright/pipewright/issues?q=1', 'https://docs.example.org/guide#secrets', 'https://github.com/'];
    let tried = 0;
    for (let i = 0; i < 2_000; i += 1) {
      let url = seeds[i % seeds.length];
      // One to three hostile changes stacked: each alone must already be refused.
      const count = 1 + Math.floor(pick() * 3);
      for (let m = 0; m < count; m += 1) url = hostileMutations[Math.floor(pick() * hostileMutations.length)](url, pick);
      if (url === seeds[i % seeds.length]) continue;
      tried += 1;
      expect(isAllowedExternalUrl(url, hosts), JSON.stringify(url)).toBe(false);
    }
    expect(tried).toBeGreaterThan(1_900);
  });

  it('each hostile mutation alone is refused', () => {
    const pick = random(7);
    for (const mutate of hostileMutations) {
      const url = mutate('https://github.com/pipewright', pick);
      expect(isAllowedExternalUrl(url, hosts), JSON.stringify(url)).toBe(false);
    }
  });

  it('opens only allowed URLs through shell.openExternal', () => {
    const opened: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    expect(openExternalIfAllowed(shell, 'https://github.com/x', hosts)).toBe(true);
    expect(openExternalIfAllowed(shell, 'http://github.com/x', hosts)).toBe(false);
    expect(openExternalIfAllowed(shell, 'https://github.com.evil.test/', hosts)).toBe(false);
    expect(opened).toEqual(['https://github.com/x']);
  });
});
