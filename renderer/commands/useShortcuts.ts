import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/app-store';
import type { Command } from './command';
import { isEditable, matchesShortcut } from './shortcut';

/** Binds every command's shortcuts on the window. Single keys do not fire while typing in a field. */
export function useShortcuts(commands: Command[]): void {
  const current = useRef(commands);
  current.current = commands;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const { dialog, overlay } = useAppStore.getState();
      if (dialog || overlay) return; // they take the keyboard while open
      const inField = isEditable(event.target);
      for (const command of current.current) {
        if (command.shortcutsShownOnly || !command.shortcuts?.some((s) => matchesShortcut(event, s))) continue;
        if (inField && !command.inTextFields) return;
        event.preventDefault();
        if (command.enabled) command.run();
        return;
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
