import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { CodeEditor, type CodeEditorProps } from './CodeEditor';

export interface LargeCodeEditorProps extends Pick<CodeEditorProps, 'monaco' | 'model'> {
  title: string;
  /** What the editor found, shown under it: `line 3: ...`. */
  errors: readonly string[];
  onClose(): void;
}

/** The code node's editor, large, over the app; the same model as the inline editor, so both show every keystroke. */
export function LargeCodeEditor({ monaco, model, title, errors, onClose }: LargeCodeEditorProps) {
  useEffect(() => {
    // Escape closes, unless Monaco used it (closing its suggestions, say).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onClose();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onClose]);
  return createPortal(
    <div className="pw-modal-backdrop pw-code-dialog__backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="pw-modal pw-code-dialog" role="dialog" aria-label={title} data-testid="code-dialog">
        <header className="pw-modal__header">
          <h2 className="pw-modal__title">{title}</h2>
          <button type="button" className="pw-button" data-testid="code-dialog-close" onClick={onClose}>
            Done
          </button>
        </header>
        <CodeEditor monaco={monaco} model={model} testId="code-dialog-editor" label={title} autoFocus />
        <p className="pw-code-dialog__status" data-testid="code-dialog-status">
          {errors.length === 0 ? 'No errors.' : `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}: ${errors[0]}`}
        </p>
      </div>
    </div>,
    document.body,
  );
}
