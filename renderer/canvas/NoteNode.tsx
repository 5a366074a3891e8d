import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useMemo, type KeyboardEvent } from 'react';
import { useUpdateAnnotation } from '../hooks/useUpdateAnnotation';
import { useAppStore } from '../store/app-store';
import type { NoteFlowNode } from './annotation-nodes';
import { renderMarkdown } from './render-markdown';

/** A sticky note: Markdown shown rendered; double-click to edit it as text, Escape or a click elsewhere to finish. */
function NoteNodeView({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const editing = useAppStore((s) => s.editingNoteId === id);
  const update = useUpdateAnnotation();
  const text = data.annotation.text.join('\n');
  // marked escapes raw HTML and unsafe links (render-markdown.ts), so this HTML holds only Markdown's own markup.
  const html = useMemo(() => renderMarkdown(text), [text]);
  const stopEditing = () => useAppStore.getState().setEditingNote(null);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') event.currentTarget.blur();
  };
  return (
    <div className={`pw-note${selected ? ' pw-note--selected' : ''}`} data-testid={`note-${id}`} onDoubleClick={() => useAppStore.getState().setEditingNote(id)}>
      <NodeResizer isVisible={selected} minWidth={120} minHeight={60} handleClassName="pw-resize-handle" lineClassName="pw-resize-line" />
      {editing ? (
        <textarea
          className="pw-note__editor nodrag nowheel nopan"
          data-testid={`note-editor-${id}`}
          aria-label="Note text (Markdown)"
          placeholder="Write Markdown: # heading, **bold**, - list"
          autoFocus
          value={text}
          onChange={(event) => update(id, { text: event.target.value.split('\n') })}
          onKeyDown={onKeyDown}
          onBlur={stopEditing}
        />
      ) : text.trim() === '' ? (
        <div className="pw-note__placeholder">Double-click to write a note in Markdown</div>
      ) : (
        <div className="pw-note__body nowheel" data-testid={`note-body-${id}`} dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
