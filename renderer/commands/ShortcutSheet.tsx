import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';
import type { Command, CommandGroup } from './command';
import { formatShortcut } from './shortcut';

const groups: CommandGroup[] = ['File', 'Edit', 'Add', 'View', 'Run'];
const canvasGestures: [string, string][] = [
  ['Box select', 'Shift+drag'],
  ['Add to selection', 'Shift+click'],
  ['Quick add at the pointer', 'Double-click canvas'],
  ['Connect ports', 'Drag output → input'],
  ['Pan', 'Drag empty canvas'],
  ['Zoom', 'Wheel or pinch'],
];

/** `?`: every shortcut, by group. */
export function ShortcutSheet({ commands }: { commands: Command[] }) {
  const close = () => useAppStore.getState().setOverlay(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault();
        close();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="pw-modal-backdrop" onMouseDown={close}>
      <div className="pw-modal pw-shortcuts" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcut-sheet" onMouseDown={(e) => e.stopPropagation()}>
        <header className="pw-modal__header">
          <h2 className="pw-modal__title">Keyboard shortcuts</h2>
          <button type="button" className="pw-icon-button" aria-label="Close" onClick={close}>
            ×
          </button>
        </header>
        <div className="pw-shortcuts__groups">
          {groups.map((group) => (
            <section key={group}>
              <h3 className="pw-shortcuts__group">{group}</h3>
              <dl className="pw-shortcuts__list">
                {commands
                  .filter((c) => c.group === group && c.shortcuts?.length)
                  .map((c) => (
                    <div key={c.id} className="pw-shortcuts__row">
                      <dt>{c.title}</dt>
                      <dd>{c.shortcuts!.slice(0, 1).map((s) => <kbd key={formatShortcut(s)} className="pw-kbd">{formatShortcut(s)}</kbd>)}</dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
          <section>
            <h3 className="pw-shortcuts__group">Canvas</h3>
            <dl className="pw-shortcuts__list">
              {canvasGestures.map(([what, how]) => (
                <div key={what} className="pw-shortcuts__row">
                  <dt>{what}</dt>
                  <dd>
                    <kbd className="pw-kbd">{how}</kbd>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
