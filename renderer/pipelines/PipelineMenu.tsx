import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuItem {
  id: string;
  label: string;
  testId: string;
  danger?: boolean;
  run(): void;
}

/** A pipeline's actions, under its ⋯ button. Closes on a pick, Escape or a click elsewhere; arrows move between items. */
export function PipelineMenu({ items, label, anchor, onClose }: { items: MenuItem[]; label: string; anchor: DOMRect; onClose(): void }) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
    // A click elsewhere, or the list scrolling the button away, closes the menu.
    const away = (e: MouseEvent) => {
      const target = e.target as Node;
      // The button that opened the menu toggles it itself (it is the menu's previous sibling).
      if (!menu.current?.contains(target) && !menu.current?.previousElementSibling?.contains(target)) onClose();
    };
    addEventListener('mousedown', away);
    addEventListener('scroll', onClose, true);
    return () => {
      removeEventListener('mousedown', away);
      removeEventListener('scroll', onClose, true);
    };
  }, [onClose]);
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(menu.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') buttons[(at + 1) % buttons.length]?.focus();
    else if (e.key === 'ArrowUp') buttons[(at - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      ref={menu}
      className="pw-menu"
      role="menu"
      aria-label={label}
      style={{ top: anchor.bottom + 4, right: innerWidth - anchor.right }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          className={`pw-menu__item${item.danger ? ' pw-menu__item--danger' : ''}`}
          data-testid={item.testId}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
