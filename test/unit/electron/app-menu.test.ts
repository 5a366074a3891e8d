import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutPanelOptions, appMenuTemplate, docsUrl, shortcutInputEvents, type Shortcut } from '../../../electron/app-menu';
import { isAllowedExternalUrl } from '../../../electron/external-links';

function recorder() {
  const pressed: Shortcut[] = [];
  const calls: string[] = [];
  return { pressed, calls, actions: { pressShortcut: (s: Shortcut) => void pressed.push(s), openPipelineFile: () => void calls.push('open'), openLink: (url: string) => void calls.push(url) } };
}

const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
const byLabel = (template: MenuItemConstructorOptions[], label: string) => items(template).find((i) => i.label === label)!;
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu', () => {
  it('has File, Edit, View, Run, Window and Help; macOS adds the app menu', () => {
    const { actions } = recorder();
    const names = (t: MenuItemConstructorOptions[]) => t.map((i) => i.label?.replace('&', '') ?? i.role);
    expect(names(appMenuTemplate('linux', actions, false))).toEqual(['File', 'Edit', 'View', 'Run', 'windowMenu', 'help']);
    expect(names(appMenuTemplate('darwin', actions, false))).toEqual(['appMenu', 'File', 'Edit', 'View', 'Run', 'windowMenu', 'help']);
  });

  it('shows the renderer commands with their usual keys and presses those keys when clicked', () => {
    const { actions, pressed } = recorder();
    const template = appMenuTemplate('win32', actions, false);
    const expected: Record<string, string> = { Save: 'CmdOrCtrl+S', Undo: 'CmdOrCtrl+Z', Redo: 'CmdOrCtrl+Shift+Z', 'Select All': 'CmdOrCtrl+A', 'Run Pipeline': 'CmdOrCtrl+Enter', 'Command Palette…': 'CmdOrCtrl+K' };
    for (const [label, keys] of Object.entries(expected)) {
      const item = byLabel(template, label);
      expect(item, label).toMatchObject({ accelerator: keys, registerAccelerator: false });
      click(item);
    }
    expect(pressed).toContainEqual({ key: 'Enter', mod: true });
    expect(pressed).toContainEqual({ key: 'z', mod: true, shift: true });
    expect(pressed).toHaveLength(Object.keys(expected).length);
  });

  it('opens files through main, documentation through the link allowlist, and keeps DevTools to development', () => {
    const { actions, calls } = recorder();
    const template = appMenuTemplate('linux', actions, false);
    click(byLabel(template, 'Open…'));
    click(byLabel(template, 'Documentation'));
    expect(calls).toEqual(['open', docsUrl]);
    expect(isAllowedExternalUrl(docsUrl)).toBe(true);
    expect(items(template).some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(items(appMenuTemplate('linux', actions, true)).some((i) => i.role === 'toggleDevTools')).toBe(true);
    for (const role of ['cut', 'copy', 'paste', 'about', 'quit']) expect(items(template).some((i) => i.role === role), role).toBe(true);
  });

  it('presses a shortcut as key down and up with Cmd on macOS and Ctrl elsewhere', () => {
    expect(shortcutInputEvents({ key: 'Enter', mod: true }, 'darwin')).toEqual([
      { type: 'keyDown', keyCode: 'Return', modifiers: ['meta'] },
      { type: 'keyUp', keyCode: 'Return', modifiers: ['meta'] },
    ]);
    expect(shortcutInputEvents({ key: 'z', mod: true, shift: true }, 'linux')[0]).toEqual({ type: 'keyDown', keyCode: 'z', modifiers: ['control', 'shift'] });
  });

  it('the About window lists the versions it runs on', () => {
    const about = aboutPanelOptions('0.1.0', { electron: '45.4.1', chrome: '140.0', node: '22.20.0', v8: '14.0' } as NodeJS.ProcessVersions);
    expect(about).toMatchObject({ applicationName: 'Pipewright', applicationVersion: '0.1.0' });
    expect(about.version).toBe('Electron 45.4.1 · Chromium 140.0 · Node.js 22.20.0 · V8 14.0');
  });
});
