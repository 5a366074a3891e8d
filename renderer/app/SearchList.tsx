import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

export interface SearchListProps<T> {
  items: T[];
  query: string;
  onQuery(query: string): void;
  onPick(item: T): void;
  onClose(): void;
  keyOf(item: T): string;
  render(item: T): ReactNode;
  placeholder: string;
  empty: string;
  testId: string;
  itemTestId(item: T): string;
  style?: CSSProperties;
  className?: string;
}

/** A search box over a list, driven by the keyboard: arrows move, Enter picks, Escape closes. */
export function SearchList<T>(props: SearchListProps<T>) {
  const { items, query, onQuery, onPick, onClose, keyOf, render, testId, itemTestId } = props;
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const current = Math.min(active, Math.max(items.length - 1, 0));

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <div className={`pw-search-list ${props.className ?? ''}`} style={props.style} data-testid={testId} role="dialog" onMouseDown={(e) => e.stopPropagation()}>
      <input
        className="pw-input pw-search-list__input"
        autoFocus
        placeholder={props.placeholder}
        value={query}
        data-testid={`${testId}-search`}
        aria-label={props.placeholder}
        onChange={(e) => {
          onQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(current + 1, items.length - 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
          else if (e.key === 'Enter' && items[current]) onPick(items[current]);
          else if (e.key === 'Escape') onClose();
          else return;
          e.preventDefault();
        }}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget)) onClose();
        }}
      />
      <ul className="pw-search-list__items" ref={list} role="listbox">
        {items.length === 0 && <li className="pw-search-list__empty">{props.empty}</li>}
        {items.map((item, i) => (
          <li
            key={keyOf(item)}
            role="option"
            aria-selected={i === current}
            className="pw-search-list__item"
            data-testid={itemTestId(item)}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(item)}
          >
            {render(item)}
          </li>
        ))}
      </ul>
    </div>
  );
}
