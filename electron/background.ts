import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PipewrightApi, RunEvent } from '../node-library/contract';
import { asObject, readSettingsFileSync } from '../node-library/model/corrupt-files';

/** The desktop app's own settings, in its data folder. */
export interface ShellSettings {
  /** Closing the window while schedules are enabled hides it to the tray. */
  keepInTray: boolean;
  /** The "still running in the tray" notice is shown once. */
  trayNoticeShown: boolean;
}

const defaults: ShellSettings = { keepInTray: true, trayNoticeShown: false };

export function readSettings(dataDir: string): ShellSettings {
  return { ...defaults, ...(readSettingsFileSync(path.join(dataDir, 'shell-settings.json'), asObject) as Partial<ShellSettings> | undefined) };
}

export function writeSettings(dataDir: string, settings: ShellSettings): void {
  writeFileSync(path.join(dataDir, 'shell-settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/** Whether closing the window should hide it to the tray rather than quit. */
export function keepsRunning(settings: ShellSettings, anyScheduleEnabled: boolean, quitting: boolean): boolean {
  return !quitting && settings.keepInTray && anyScheduleEnabled;
}

export interface Notice {
  title: string;
  body: string;
}

/** Calls `notify` when a scheduled run fails; returns the unsubscribe function. */
export function notifyScheduledFailures(api: Pick<PipewrightApi, 'onRunEvent'>, notify: (notice: Notice) => void): () => void {
  const scheduled = new Map<string, string>();
  return api.onRunEvent((event: RunEvent) => {
    if (event.type === 'run:start' && event.trigger === 'schedule') scheduled.set(event.runId, event.pipelineId);
    if (event.type !== 'run:finish') return;
    const pipelineId = scheduled.get(event.runId);
    scheduled.delete(event.runId);
    if (pipelineId !== undefined && event.state === 'failed') notify({ title: `Scheduled run of ${pipelineId} failed`, body: event.error?.message ?? 'See the run history for details.' });
  });
}
