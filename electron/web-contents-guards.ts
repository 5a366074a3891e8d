import { openExternalIfAllowed, type ShellLike } from './external-links';

/** The parts of Electron's WebContents the guards use; a fake stands in for it in tests. */
export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: { preventDefault(): void; url?: string }, url?: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
}

/** The parts of Electron's Session the guards use. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string }) => boolean): void;
  webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Permissions the app's own page may use (copy and paste of nodes); every other request is denied. */
export const allowedPermissions: readonly string[] = ['clipboard-read', 'clipboard-sanitized-write'];

/**
 * No navigation away from the app, no new windows, no <webview>. A link to an
 * allowlisted https: page opens in the user's browser instead.
 */
export function guardWebContents(contents: WebContentsLike, shell: ShellLike): void {
  const deny = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-frame-navigate', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(shell, url);
    return { action: 'deny' };
  });
}

/**
 * Permissions only from the app's page and only from the allowlist; no
 * request leaves the machine (the renderer talks to the backend over IPC).
 */
export function guardSession(session: SessionLike, isAppUrl: (url: string) => boolean): void {
  const allowed = (permission: string, url: string | undefined) => allowedPermissions.includes(permission) && isAppUrl(url ?? '');
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details?.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => allowed(permission, details?.requestingUrl));
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: !isLocalResource(details.url) }));
}

/** The bundled renderer's own files, inline data and DevTools; never the network. */
export function isLocalResource(url: string): boolean {
  try {
    return ['file:', 'data:', 'blob:', 'devtools:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
