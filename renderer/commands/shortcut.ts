/** A key with modifiers; `mod` is Cmd on macOS and Ctrl elsewhere. `shift` undefined means either. */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  if (event.key.toLowerCase() !== shortcut.key.toLowerCase()) return false;
  if ((event.ctrlKey || event.metaKey) !== (shortcut.mod ?? false)) return false;
  if (event.altKey !== (shortcut.alt ?? false)) return false;
  return shortcut.shift === undefined || event.shiftKey === shortcut.shift;
}

const keyNames: Record<string, string> = { arrowup: '↑', arrowdown: '↓', enter: '↵', escape: 'Esc', backspace: '⌫', delete: 'Del', ' ': 'Space' };

/** `Ctrl+Shift+Z` or `⌘⇧Z`, as the shortcut sheet and the command palette show it. */
export function formatShortcut(s: Shortcut): string {
  const key = keyNames[s.key.toLowerCase()] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  const parts = [s.mod && (isMac ? '⌘' : 'Ctrl'), s.alt && (isMac ? '⌥' : 'Alt'), s.shift && (isMac ? '⇧' : 'Shift'), key].filter(Boolean);
  return parts.join(isMac ? '' : '+');
}

/** Whether a key event comes from a place that takes text, where single-key shortcuts must not fire. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}
