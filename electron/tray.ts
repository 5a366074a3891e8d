import { app, Menu, Notification, powerMonitor, Tray, nativeImage, type BrowserWindow } from 'electron';
import type { PipewrightApi } from '../node-library/contract';
import { keepsRunning, notifyScheduledFailures, readSettings, writeSettings } from './background';

let appWide = false;

/**
 * Schedules keep firing with the window closed: closing hides it to the tray
 * while any schedule is enabled (a setting), a wake from sleep ticks the
 * scheduler at once, and a failed scheduled run shows a notification.
 */
export function runInBackground(window: BrowserWindow, backend: PipewrightApi & { tickScheduler?(): Promise<void> }, dataDir: string): void {
  let quitting = false;
  let anyEnabled = false;
  let tray: Tray | undefined;
  // The close handler must decide synchronously, so the answer is kept fresh beforehand.
  const refresh = () => backend.listSchedules().then((list) => (anyEnabled = list.some((s) => s.enabled)), () => undefined);
  void refresh();
  const timer = setInterval(refresh, 15_000);

  app.on('before-quit', () => (quitting = true));
  if (!appWide) {
    // Once per app, however many times a window opens.
    appWide = true;
    // A backend in a utilityProcess has no tick to call: its scheduler never sleeps past 30 s and notices the wake itself.
    powerMonitor.on('resume', () => void backend.tickScheduler?.());
    notifyScheduledFailures(backend, (notice) => Notification.isSupported() && new Notification(notice).show());
  }

  window.on('close', (event) => {
    const settings = readSettings(dataDir);
    if (!keepsRunning(settings, anyEnabled, quitting)) return clearInterval(timer);
    event.preventDefault();
    window.hide();
    tray ??= new Tray(nativeImage.createEmpty());
    tray.setToolTip('Pipewright: schedules are running');
    tray.setContextMenu(Menu.buildFromTemplate([{ label: 'Open Pipewright', click: () => window.show() }, { label: 'Quit', click: () => app.quit() }]));
    if (!settings.trayNoticeShown && Notification.isSupported()) {
      new Notification({ title: 'Pipewright is still running', body: 'Your schedules keep firing. Quit from the tray icon; turn this off in the settings.' }).show();
      writeSettings(dataDir, { ...settings, trayNoticeShown: true });
    }
  });
}
