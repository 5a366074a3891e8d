import type { AboutPanelOptionsOptions, KeyboardInputEvent, MenuItemConstructorOptions } from 'electron';

/** A renderer shortcut; `mod` is Cmd on macOS and Ctrl elsewhere (as in renderer/commands). */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export interface MenuActions {
  /** Presses the shortcut in the window, so a menu click runs the very command the key runs. */
  pressShortcut(shortcut: Shortcut): void;
  openPipelineFile(): void;
  openLink(url: string): void;
}

export const docsUrl = 'https://github.com/pipewright/pipewright#readme';

/**
 * The renderer owns its commands and their keys; these items show the key
 * and forward a click as that key (registerAccelerator: false, so the
 * renderer's own handler stays the only one that reacts to the keyboard).
 */
function command(label: string, shortcut: Shortcut, actions: MenuActions): MenuItemConstructorOptions {
  return { label, accelerator: accelerator(shortcut), registerAccelerator: false, click: () => actions.pressShortcut(shortcut) };
}

export function accelerator({ key, mod, shift }: Shortcut): string {
  const name = key === 'Enter' ? 'Enter' : key.length === 1 ? key.toUpperCase() : key;
  return [mod && 'CmdOrCtrl', shift && 'Shift', name].filter(Boolean).join('+');
}

export function appMenuTemplate(platform: NodeJS.Platform, actions: MenuActions, isDev: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{ role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openPipelineFile() },
        ...(mac ? [{ role: 'recentDocuments', submenu: [{ role: 'clearRecentDocuments' }] } as MenuItemConstructorOptions] : []),
        command('Save', { key: 's', mod: true }, actions),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        command('Undo', { key: 'z', mod: true }, actions),
        command('Redo', { key: 'z', mod: true, shift: true }, actions),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        command('Duplicate', { key: 'd', mod: true }, actions),
        command('Select All', { key: 'a', mod: true }, actions),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Command Palette…', { key: 'k', mod: true }, actions),
        command('Auto-layout', { key: 'L', shift: true }, actions),
        command('Zoom to Fit', { key: '1', shift: true }, actions),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev ? [{ role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[] : []),
      ],
    },
    { label: '&Run', submenu: [command('Run Pipeline', { key: 'Enter', mod: true }, actions)] },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        command('Keyboard Shortcuts', { key: '?' }, actions),
        { label: 'Documentation', click: () => actions.openLink(docsUrl) },
        ...(mac ? [] : [{ type: 'separator' }, { role: 'about' }] as MenuItemConstructorOptions[]),
      ],
    },
  ];
}

/** The key events that press `shortcut` in a web contents. */
export function shortcutInputEvents({ key, mod, shift }: Shortcut, platform: NodeJS.Platform): KeyboardInputEvent[] {
  const modifiers = [...(mod ? [platform === 'darwin' ? 'meta' : 'control'] : []), ...(shift ? ['shift'] : [])] as KeyboardInputEvent['modifiers'];
  const keyCode = key === 'Enter' ? 'Return' : key;
  return [
    { type: 'keyDown', keyCode, modifiers },
    { type: 'keyUp', keyCode, modifiers },
  ];
}

/** The About window: the app's version and those of what it is built on. */
export function aboutPanelOptions(appVersion: string, versions: NodeJS.ProcessVersions): AboutPanelOptionsOptions {
  const parts = [`Electron ${versions.electron}`, `Chromium ${versions.chrome}`, `Node.js ${versions.node}`, `V8 ${versions.v8}`];
  return {
    applicationName: 'Pipewright',
    applicationVersion: appVersion,
    version: parts.join(' · '),
    copyright: 'Copyright © Pipewright contributors',
    website: 'https://github.com/pipewright/pipewright',
    credits: parts.join('\n'),
  };
}
