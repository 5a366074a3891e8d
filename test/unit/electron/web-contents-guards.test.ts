import { describe, expect, it } from 'vitest';
import { guardSession, guardWebContents, isLocalResource, type SessionLike, type WebContentsLike } from '../../../electron/web-contents-guards';

type Listener = (event: { preventDefault(): void }, url?: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: Listener) => void listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
  } as unknown as WebContentsLike;
  const fire = (name: string, url = 'https://evil.test/') => {
    let prevented = false;
    listeners.get(name)!({ preventDefault: () => void (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

const appUrl = 'file:///app/dist/renderer/index.html';
const isApp = (url: string) => url.startsWith(appUrl);

function fakeSession() {
  const session = {} as { request?: Parameters<SessionLike['setPermissionRequestHandler']>[0]; check?: Parameters<SessionLike['setPermissionCheckHandler']>[0]; before?: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void };
  const like: SessionLike = {
    setPermissionRequestHandler: (h) => void (session.request = h),
    setPermissionCheckHandler: (h) => void (session.check = h),
    webRequest: { onBeforeRequest: (_filter, listener) => void (session.before = listener) },
  };
  guardSession(like, isApp);
  const request = (permission: string, requestingUrl: string) => {
    let granted: boolean | undefined;
    session.request!({}, permission, (g) => (granted = g), { requestingUrl });
    return granted;
  };
  const cancelled = (url: string) => {
    let cancel: boolean | undefined;
    session.before!({ url }, (r) => (cancel = r.cancel));
    return cancel;
  };
  return { request, check: (p: string, url: string) => session.check!({}, p, '', { requestingUrl: url }), cancelled };
}

describe('web contents guards', () => {
  it('prevents every navigation, redirect and <webview>', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, { openExternal: async () => undefined });
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']) expect(fire(name), name).toBe(true);
  });

  it('denies window.open; opens allowlisted https links in the browser instead', () => {
    const opened: string[] = [];
    const { contents, open } = fakeContents();
    guardWebContents(contents, { openExternal: async (url) => void opened.push(url) });
    for (const url of ['https://github.com/pipewright', 'https://evil.test/', 'file:///etc/passwd', 'javascript:alert(1)', appUrl]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://github.com/pipewright']);
  });
});

describe('session guards', () => {
  it('grants only allowlisted permissions, and only to the app page', () => {
    const s = fakeSession();
    expect(s.request('clipboard-sanitized-write', appUrl)).toBe(true);
    expect(s.request('clipboard-read', appUrl)).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown']) {
      expect(s.request(permission, appUrl), permission).toBe(false);
      expect(s.check(permission, appUrl), permission).toBe(false);
    }
    expect(s.request('clipboard-read', 'https://evil.test/')).toBe(false);
    expect(s.check('clipboard-read', 'file:///tmp/other.html')).toBe(false);
  });

  it('cancels every request that would leave the machine', () => {
    const s = fakeSession();
    expect(s.cancelled(`${appUrl}`)).toBe(false);
    expect(s.cancelled('file:///app/dist/renderer/assets/index.js')).toBe(false);
    for (const url of ['https://cdn.example/x.js', 'http://127.0.0.1:80/', 'ws://127.0.0.1:1/', 'wss://x.test/', 'ftp://x.test/', 'garbage']) {
      expect(s.cancelled(url), url).toBe(true);
    }
    expect(isLocalResource('data:image/png;base64,AA==')).toBe(true);
  });
});
