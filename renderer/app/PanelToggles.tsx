import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import { selectCollapsedPanels } from '../store/selectors';
import type { PanelName } from '../store/ui-slice';

const panels: { name: PanelName; label: string; shortcut: string; region: { x: number; y: number; width: number; height: number } }[] = [
  { name: 'sidebar', label: 'pipelines and nodes panel', shortcut: 'Ctrl/Cmd+B', region: { x: 1.5, y: 1.5, width: 4.5, height: 13 } },
  { name: 'bottom', label: 'logs and problems panel', shortcut: 'Ctrl/Cmd+J', region: { x: 1.5, y: 10, width: 13, height: 4.5 } },
  { name: 'inspector', label: 'inspector', shortcut: 'Ctrl/Cmd+Alt+B', region: { x: 10, y: 1.5, width: 4.5, height: 13 } },
];


/** One toggle per panel: folding panels away keeps the canvas usable in a small window or at 200% zoom. */
export function PanelToggles() {
  const collapsed = useAppStore(useShallow(selectCollapsedPanels));
  const toggle = useAppStore((s) => s.togglePanel);
  return (
    <div className="pw-panel-toggles" role="group" aria-label="Panels">
      {panels.map(({ name, label, shortcut, region }) => (
        <button
          key={name}
          type="button"
          className="pw-icon-button pw-panel-toggle"
          data-testid={`toggle-panel-${name}`}
          aria-pressed={!collapsed[name]}
          aria-label={`Show ${label}`}
          title={`${collapsed[name] ? 'Show' : 'Hide'} the ${label} (${shortcut})`}
          onClick={() => toggle(name)}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <rect x="0.75" y="0.75" width="14.5" height="14.5" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <rect {...region} rx="1" fill="currentColor" opacity={collapsed[name] ? 0.2 : 0.85} />
          </svg>
        </button>
      ))}
    </div>
  );
}
