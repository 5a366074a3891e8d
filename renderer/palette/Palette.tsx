import { useDeferredValue, useState } from 'react';
import type { NodeTypeInfo } from '../../node-library/contract';
import { CategoryIcon } from '../canvas/CategoryIcon';
import { categoryStyle } from '../canvas/category-style';
import { useAddNodeAtCenter } from '../hooks/useAddNodeAtCenter';
import { useAppStore } from '../store/app-store';
import { selectNodeTypes, selectOpenPipelineId } from '../store/selectors';
import './palette.css';
import { groupByCategory, nodeTypeMime, searchNodeTypes } from './search-node-types';

/** The node catalog, grouped by category, with search. Drag an item onto the canvas, or double-click it. */
export function Palette() {
  const nodeTypes = useAppStore(selectNodeTypes);
  const canAdd = useAppStore(selectOpenPipelineId) !== null;
  const [query, setQuery] = useState('');
  const groups = groupByCategory(searchNodeTypes(nodeTypes, useDeferredValue(query)));
  return (
    <section className="pw-palette" aria-label="Node palette" data-testid="palette">
      <h2 className="pw-sidebar__title">Nodes</h2>
      <input
        className="pw-input pw-palette__search"
        type="search"
        placeholder="Search nodes…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="palette-search"
        aria-label="Search nodes"
      />
      <div className="pw-palette__groups">
        {groups.length === 0 && <p className="pw-sidebar__hint">No node type matches “{query}”.</p>}
        {groups.map(([category, types]) => (
          <div key={category} className="pw-palette__group">
            <h3 className="pw-palette__category" style={{ color: categoryStyle(category).color }}>
              <CategoryIcon name={categoryStyle(category).icon} />
              {category}
            </h3>
            <ul className="pw-palette__items">
              {types.map((t) => (
                <PaletteItem key={t.type} info={t} disabled={!canAdd} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function PaletteItem({ info, disabled }: { info: NodeTypeInfo; disabled: boolean }) {
  const add = useAddNodeAtCenter();
  const style = categoryStyle(info.category);
  return (
    <li
      className="pw-palette__item"
      draggable={!disabled}
      aria-disabled={disabled}
      tabIndex={0}
      data-testid={`palette-item-${info.type}`}
      title={`${info.description}\n\n${info.type} — drag onto the canvas or double-click to add`}
      onDragStart={(e) => {
        e.dataTransfer.setData(nodeTypeMime, info.type);
        e.dataTransfer.effectAllowed = 'copy';
      }}
      onDoubleClick={() => !disabled && add(info.type)}
      onKeyDown={(e) => e.key === 'Enter' && !disabled && add(info.type)}
    >
      <span className="pw-palette__icon" style={{ background: style.color }}>
        <CategoryIcon name={style.icon} />
      </span>
      <span className="pw-palette__text">
        <span className="pw-palette__title">{info.title}</span>
        <span className="pw-palette__type">{info.type}</span>
      </span>
    </li>
  );
}
