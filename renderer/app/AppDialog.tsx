import { useEffect, useState } from 'react';
import { useAppStore } from '../store/app-store';
import { selectDialog } from '../store/selectors';
import type { Dialog } from '../store/ui-slice';

/** The app's one modal question (confirm a delete, save before leaving, name a pipeline). */
export function AppDialog() {
  const dialog = useAppStore(selectDialog);
  return dialog ? <DialogBox dialog={dialog} /> : null;
}

function DialogBox({ dialog }: { dialog: Dialog }) {
  const [text, setText] = useState(dialog.input?.value ?? '');
  const primary = dialog.actions.find((a) => a.kind === 'primary') ?? dialog.actions[0];
  const answer = (action: string) => dialog.resolve({ action, text });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') dialog.resolve(null);
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [dialog]);
  return (
    <div className="pw-modal-backdrop">
      <form
        className="pw-modal pw-dialog"
        role="alertdialog"
        aria-label={dialog.title}
        data-testid="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          answer(primary.id);
        }}
      >
        <h2 className="pw-modal__title">{dialog.title}</h2>
        {dialog.message && <p className="pw-dialog__message">{dialog.message}</p>}
        {dialog.input && (
          <label className="pw-field">
            <span className="pw-field__label">{dialog.input.label}</span>
            <input className="pw-input" autoFocus value={text} onChange={(e) => setText(e.target.value)} data-testid="dialog-input" />
          </label>
        )}
        <div className="pw-dialog__actions">
          {dialog.actions.map((a, i) => (
            <button
              key={a.id}
              type={a === primary ? 'submit' : 'button'}
              className={`pw-button${a.kind ? ` pw-button--${a.kind}` : ''}`}
              data-testid={`dialog-${a.id}`}
              autoFocus={!dialog.input && i === 0}
              onClick={a === primary ? undefined : () => answer(a.id)}
            >
              {a.label}
            </button>
          ))}
        </div>
      </form>
    </div>
  );
}
