import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useState, type KeyboardEvent } from 'react';
import { useUpdateAnnotation } from '../hooks/useUpdateAnnotation';
import type { FrameFlowNode } from './annotation-nodes';

/** A titled frame: drag it by its title (what lies inside comes along), resize it when selected, double-click the title to rename. */
function FrameNodeView({ id, data, selected }: NodeProps<FrameFlowNode>) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateAnnotation();
  const title = data.annotation.title;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === 'Escape') event.currentTarget.blur();
  };
  return (
    <div className={`pw-frame${selected ? ' pw-frame--selected' : ''}`} data-testid={`frame-${id}`}>
      <NodeResizer isVisible={selected} minWidth={160} minHeight={100} handleClassName="pw-resize-handle" lineClassName="pw-resize-line" />
      <div className="pw-frame__title" data-testid={`frame-title-${id}`} title="Drag to move the frame and what it holds; double-click to rename" onDoubleClick={() => setEditing(true)}>
        {editing ? (
          <input
            className="pw-frame__title-input nodrag"
            data-testid={`frame-title-input-${id}`}
            aria-label="Frame title"
            autoFocus
            value={title}
            onChange={(event) => update(id, { title: event.target.value })}
            onKeyDown={onKeyDown}
            onBlur={() => setEditing(false)}
          />
        ) : (
          title || <span className="pw-frame__untitled">Untitled frame</span>
        )}
      </div>
    </div>
  );
}

export const FrameNode = memo(FrameNodeView);
