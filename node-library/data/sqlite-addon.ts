/**
 * better-sqlite3's option naming its native addon: the one
 * PIPEWRIGHT_SQLITE_BINDING names (the desktop app's Electron build, an
 * exported script's installed copy), else none and the package finds its own.
 * Every connection passes it, the history's and the SQLite nodes' alike.
 */
export function sqliteAddon(): { nativeBinding?: string } {
  const binding = process.env.PIPEWRIGHT_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}
