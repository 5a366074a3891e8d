import { describe, expect, it } from 'vitest';
import { isAppUrl, secureWindowOptions } from '../../../electron/window';

describe('window options', () => {
  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    const { webPreferences } = secureWindowOptions('/app/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('trusts only the bundled renderer page', () => {
    const index = 'file:///app/dist/renderer/index.html';
    expect(isAppUrl('file:///app/dist/renderer/index.html#/runs', index)).toBe(true);
    for (const url of ['https://example.com/', 'file:///tmp/evil.html', 'devtools://x', 'not a url', '']) {
      expect(isAppUrl(url, index)).toBe(false);
    }
  });
});
