import { useState } from 'react';
import { SearchList } from '../app/SearchList';
import { useAppStore } from '../store/app-store';
import type { Command } from './command';
import { formatShortcut } from './shortcut';

/** Ctrl/Cmd+K: every enabled command, by name. */
export function CommandPalette({ commands }: { commands: Command[] }) {
  const [query, setQuery] = useState('');
  const close = () => useAppStore.getState().setOverlay(null);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const items = commands.filter((c) => c.enabled && c.id !== 'command-palette' && words.every((w) => `${c.group} ${c.title}`.toLowerCase().includes(w)));
  return (
    <div className="pw-modal-backdrop" onMouseDown={close}>
      <SearchList<Command>
        className="pw-command-palette"
        items={items}
        query={query}
        onQuery={setQuery}
        onClose={close}
        onPick={(c) => {
          close();
          c.run();
        }}
        keyOf={(c) => c.id}
        placeholder="Type a command…"
        empty="No command matches."
        testId="command-palette"
        itemTestId={(c) => `command-${c.id}`}
        render={(c) => (
          <>
            <span className="pw-search-list__detail pw-search-list__group">{c.group}</span>
            <span className="pw-search-list__title">{c.title}</span>
            {c.shortcuts?.[0] && <kbd className="pw-kbd">{formatShortcut(c.shortcuts[0])}</kbd>}
          </>
        )}
      />
    </div>
  );
}
