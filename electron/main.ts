import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen, session, shell, utilityProcess } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installEventChannel, runEventChannel } from '../node-library/contract';
import { defaultDataDir } from '../node-library/backend/data-dir';
import { eventBatches } from '../node-library/backend/event-batches';
import { SecretStore } from '../node-library/backend/secret-store';
import { aboutPanelOptions, appMenuTemplate, shortcutInputEvents } from './app-menu';
import { hostBackend, type BackendHost } from './backend-host';
import { openExternalIfAllowed } from './external-links';
import { registerFolderPicker } from './folder-picker';
import { registerIpcHandlers } from './ipc';
import { isPipelineFile, pipelineFileFromArgv } from './open-files';
import { guardSession, guardWebContents, type WebContentsLike } from './web-contents-guards';
import { withSecretStore } from './with-secret-store';
import { runInBackground } from './tray';
import { isAppUrl, secureWindowOptions } from './window';
import { loadWindowState, restoredBounds, saveWindowState } from './window-state';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererIndex = path.join(distDir, 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
/** Run history, cache and settings: the same per-OS folder the CLI uses. */
const dataDir = defaultDataDir();
const windowStateFile = path.join(dataDir, 'window-state.json');
// better-sqlite3 built for Electron's ABI (build/electron-native.mjs); in a package, native code sits beside the ASAR.
process.env.PIPEWRIGHT_SQLITE_BINDING ??= path.join(distDir.replace(/app\.asar(?=$|[\\/])/, 'app.asar.unpacked'), 'electron-native', 'better_sqlite3.node');

const openedFile = pipelineFileFromArgv(process.argv, process.cwd());
let pipelinesDir = openedFile ? path.dirname(openedFile) : (process.env.PIPEWRIGHT_PIPELINES ?? (app.isPackaged ? path.join(app.getPath('documents'), 'Pipewright') : path.join(app.getAppPath(), 'pipelines')));
let host: BackendHost | undefined;
let mainWindow: BrowserWindow | undefined;
let pendingFile: string | undefined;

function forkBackend(folder: string) {
  mkdirSync(folder, { recursive: true });
  return utilityProcess.fork(path.join(distDir, 'electron', 'backend-process.mjs'), [JSON.stringify({ pipelinesDir: folder, dataDir })], { serviceName: 'Pipewright backend', stdio: 'inherit' });
}

/** Opens the folder of a pipeline file: the backend restarts on it and the window reloads its list. */
function openPipelineFile(file: string): void {
  if (!isPipelineFile(file)) return;
  app.addRecentDocument(file);
  if (!host) return void (pendingFile = file);
  pipelinesDir = path.dirname(file);
  host.restart(() => forkBackend(pipelinesDir));
  mainWindow?.webContents.reload();
}

async function openWindow(backendHost: BackendHost): Promise<void> {
  const saved = await loadWindowState(windowStateFile);
  const bounds = restoredBounds(saved, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({ ...secureWindowOptions(path.join(distDir, 'electron', 'preload.cjs')), ...bounds });
  mainWindow = window;
  if (saved?.maximized) window.maximize();
  // In batches: one IPC message per event would keep the renderer's main thread busy during big runs.
  const events = eventBatches((batch) => !window.isDestroyed() && window.webContents.send(runEventChannel, batch));
  const unsubscribe = backendHost.backend.onRunEvent(events.push);
  const unsubscribeInstalls = backendHost.backend.onInstallEvent((event) => !window.isDestroyed() && window.webContents.send(installEventChannel, event));
  // Enabled schedules keep the app in the tray when the window closes.
  runInBackground(window, backendHost.backend, dataDir);
  window.on('close', () => void saveWindowState(windowStateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch(() => undefined));
  window.on('closed', () => {
    unsubscribe();
    unsubscribeInstalls();
    if (mainWindow === window) mainWindow = undefined;
  });
  window.once('ready-to-show', () => window.show());
  await window.loadFile(rendererIndex);
}

function buildMenu(): void {
  const template = appMenuTemplate(
    process.platform,
    {
      pressShortcut: (shortcut) => {
        const contents = BrowserWindow.getFocusedWindow()?.webContents;
        for (const event of shortcutInputEvents(shortcut, process.platform)) contents?.sendInputEvent(event);
      },
      openPipelineFile: async () => {
        const options = { properties: ['openFile' as const], filters: [{ name: 'Pipewright pipelines', extensions: ['json'] }] };
        const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        if (!result.canceled && result.filePaths[0]) openPipelineFile(result.filePaths[0]);
      },
      openLink: (url) => openExternalIfAllowed(shell, url),
    },
    !app.isPackaged,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion(), process.versions));
}

// One instance: a second launch (say, a double-clicked pipeline file) hands its file to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = pipelineFileFromArgv(argv, workingDirectory);
    if (file) openPipelineFile(file);
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // macOS hands files over with an event, possibly before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openPipelineFile(file);
  });
  // Every web contents, including any a bug might create, gets the same guards before it loads anything.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents as unknown as WebContentsLike, shell));

  app.whenReady().then(async () => {
    guardSession(session.defaultSession, (url) => isAppUrl(url, rendererUrl));
    const secrets = await SecretStore.open(path.join(dataDir, 'secrets.json'), safeStorage);
    const backendHost = hostBackend(() => forkBackend(pipelinesDir), () => secrets.values());
    host = backendHost;
    registerIpcHandlers(ipcMain, withSecretStore(backendHost.backend, secrets), (url) => isAppUrl(url, rendererUrl));
    registerFolderPicker(ipcMain, () => dialog.showOpenDialog({ title: 'Export to folder', properties: ['openDirectory', 'createDirectory'] }), (url) => isAppUrl(url, rendererUrl));
    buildMenu();
    await openWindow(backendHost);
    if (pendingFile) openPipelineFile(pendingFile);
    app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && void openWindow(backendHost));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => host?.stop());
}
