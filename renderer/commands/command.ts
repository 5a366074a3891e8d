import type { Shortcut } from './shortcut';

export type CommandGroup = 'File' | 'Edit' | 'Add' | 'View' | 'Run';

/** A user command: reachable by name in the command palette, and by its shortcuts. */
export interface Command {
  id: string;
  title: string;
  group: CommandGroup;
  shortcuts?: Shortcut[];
  /** Shortcuts the browser delivers as events of their own (copy, cut, paste): shown, not bound. */
  shortcutsShownOnly?: boolean;
  /** Fires inside text fields too (save, command palette). */
  inTextFields?: boolean;
  enabled: boolean;
  run(): void;
}
