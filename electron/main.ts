import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runEventChannel } from '../node-library/contract';
import { createBackend } from '../node-library/backend/create-backend';
import { registerFolderPicker } from './folder-picker';
import { registerIpcHandlers } from './ipc';
import { isAppUrl, secureWindowOptions } from './window';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererIndex = path.join(distDir, 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
const pipelinesDir = process.env.PIPEWRIGHT_PIPELINES ?? path.join(app.getAppPath(), 'pipelines');
// better-sqlite3 built against Electron's ABI by `npm start` (build/electron-native.mjs); the Node build serves tests and the CLI.
process.env.PIPEWRIGHT_SQLITE_BINDING ??= path.join(distDir, 'electron-native', 'better_sqlite3.node');

// The backend moves to a utilityProcess in the desktop-shell issue; the contract stays the same.
const backend = createBackend({ pipelinesDir, dataDir: app.getPath('userData') });
registerIpcHandlers(ipcMain, backend, (url) => isAppUrl(url, rendererUrl));
registerFolderPicker(ipcMain, () => dialog.showOpenDialog({ title: 'Export to folder', properties: ['openDirectory', 'createDirectory'] }), (url) => isAppUrl(url, rendererUrl));

function openWindow(): void {
  const window = new BrowserWindow(secureWindowOptions(path.join(distDir, 'electron', 'preload.cjs')));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const unsubscribe = backend.onRunEvent((event) => window.webContents.send(runEventChannel, event));
  window.on('closed', unsubscribe);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndex);
}

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  openWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && openWindow());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('before-quit', () => void backend.close());
