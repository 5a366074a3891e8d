import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * Options for every window: the renderer gets no Node, runs sandboxed, and
 * reaches the backend only through the preload's named methods.
 */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    title: 'Pipewright',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** The app's own pages are files from the bundled renderer; nothing else is trusted. */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  try {
    const page = new URL(url);
    const index = new URL(rendererIndexUrl);
    return page.protocol === 'file:' && page.pathname === index.pathname;
  } catch {
    return false;
  }
}
