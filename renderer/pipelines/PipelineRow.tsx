import { useCallback, useState, type ReactNode } from 'react';
import type { PipelineSummary } from '../../node-library/contract';
import { PipelineMenu, type MenuItem } from './PipelineMenu';

export interface PipelineActions {
  open(pipelineId: string): void;
  rename(pipelineId: string): void;
  duplicate(pipelineId: string): void;
  saveAs(): void;
  remove(pipelineId: string): void;
}

interface Props {
  pipeline: PipelineSummary;
  isOpen: boolean;
  dirty: boolean;
  actions: PipelineActions;
  /** The row's own test id: the All and Recent tabs name their rows differently. */
  testId: string;
  /** A line under the name and id, e.g. the pipeline's schedule. */
  extra?: ReactNode;
}

/** One pipeline in the sidebar: click to open; its ⋯ menu renames, duplicates, saves as or deletes. */
export function PipelineRow({ pipeline: p, isOpen, dirty, actions, testId, extra }: Props) {
  const [menuAt, setMenuAt] = useState<DOMRect | null>(null);
  const closeMenu = useCallback(() => setMenuAt(null), []);
  const menuOpen = menuAt !== null;
  const items: MenuItem[] = [
    { id: 'rename', label: 'Rename…', testId: `rename-pipeline-${p.id}`, run: () => actions.rename(p.id) },
    { id: 'duplicate', label: 'Duplicate', testId: `duplicate-pipeline-${p.id}`, run: () => actions.duplicate(p.id) },
    ...(isOpen ? [{ id: 'save-as', label: 'Save as…', testId: `save-pipeline-as-${p.id}`, run: actions.saveAs }] : []),
    { id: 'delete', label: 'Delete…', testId: `delete-pipeline-${p.id}`, danger: true, run: () => actions.remove(p.id) },
  ];
  return (
    <li className={`pw-pipeline-row${menuOpen ? ' pw-pipeline-row--menu' : ''}`}>
      <button
        type="button"
        className={`pw-pipeline-item${isOpen ? ' pw-pipeline-item--open' : ''}`}
        data-testid={testId}
        aria-current={isOpen ? 'page' : undefined}
        title={p.description}
        onClick={() => actions.open(p.id)}
      >
        <span className="pw-pipeline-item__name">
          {p.name}
          {isOpen && dirty && <span className="pw-pipeline-item__dirty" title="Unsaved changes"> ●</span>}
        </span>
        <span className="pw-pipeline-item__meta">
          {p.id} · {p.nodeCount} {p.nodeCount === 1 ? 'node' : 'nodes'}
        </span>
        {extra}
      </button>
      <button
        type="button"
        className="pw-icon-button pw-pipeline-row__menu"
        data-testid={`pipeline-menu-${p.id}`}
        aria-label={`Actions for ${p.name}`}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        title="Rename, duplicate, delete…"
        onClick={(e) => setMenuAt(menuOpen ? null : e.currentTarget.getBoundingClientRect())}
      >
        ⋯
      </button>
      {menuAt && <PipelineMenu items={items} label={`Actions for ${p.name}`} anchor={menuAt} onClose={closeMenu} />}
    </li>
  );
}
