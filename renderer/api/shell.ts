declare global {
  interface Window {
    /** Set by the Electron preload: what only the desktop shell can do. Absent in serve mode. */
    pipewrightShell?: { pickFolder(): Promise<string | null> };
  }
}

/** The OS folder picker in the desktop app; undefined in a browser, where forms take a typed path. */
export const pickFolder: (() => Promise<string | null>) | undefined = window.pipewrightShell?.pickFolder;
