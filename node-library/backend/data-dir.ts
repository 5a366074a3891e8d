import os from 'node:os';
import path from 'node:path';

/** Where run history and the cache live: $PIPEWRIGHT_DATA_DIR, else the platform's app-data folder. */
export function defaultDataDir(): string {
  if (process.env.PIPEWRIGHT_DATA_DIR) return path.resolve(process.env.PIPEWRIGHT_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Pipewright');
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Pipewright');
  return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'pipewright');
}
