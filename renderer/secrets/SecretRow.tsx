import { useState, type KeyboardEvent } from 'react';
import { toSecretName } from './secret-name';

type Mode = 'view' | 'rename' | 'value' | 'delete';

interface Props {
  name: string;
  /** Storing values is refused until the user opts in (no OS keyring). */
  locked: boolean;
  busy: boolean;
  onRename(to: string): Promise<boolean>;
  onSetValue(value: string): Promise<boolean>;
  onDelete(): Promise<boolean>;
}

/** One secret: its name (never its value), renamed inline, given a new value, or deleted after a confirmation. */
export function SecretRow({ name, locked, busy, onRename, onSetValue, onDelete }: Props) {
  const [mode, setMode] = useState<Mode>('view');
  const [text, setText] = useState('');
  const start = (next: Mode) => {
    setText(next === 'rename' ? name : '');
    setMode(next);
  };
  const finish = (done: boolean) => {
    if (!done) return;
    setText('');
    setMode('view');
  };
  // Escape leaves the edit, not the whole view.
  const cancelOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    start('view');
  };
  const cancel = (
    <button type="button" className="pw-button pw-button--small" data-testid="secret-edit-cancel" onClick={() => start('view')}>
      Cancel
    </button>
  );

  if (mode === 'rename' || mode === 'value') {
    const renaming = mode === 'rename';
    return (
      <li className="pw-secrets__row" data-testid={`secret-row-${name}`}>
        <form
          className="pw-secrets__edit"
          onSubmit={(e) => {
            e.preventDefault();
            void (renaming ? onRename(text) : onSetValue(text)).then(finish);
          }}
        >
          <span className="pw-secrets__name">{name}</span>
          <input
            className="pw-input pw-input--mono"
            type={renaming ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            aria-label={renaming ? `New name for ${name}` : `New value for ${name}`}
            placeholder={renaming ? 'NEW_NAME' : 'New value'}
            value={text}
            data-testid={renaming ? 'secret-rename-input' : 'secret-value-input'}
            onChange={(e) => setText(renaming ? toSecretName(e.target.value) : e.target.value)}
            onKeyDown={cancelOnEscape}
          />
          <button type="submit" className="pw-button pw-button--small pw-button--primary" disabled={busy} data-testid={renaming ? 'secret-rename-save' : 'secret-value-save'}>
            {renaming ? 'Rename' : 'Save value'}
          </button>
          {cancel}
        </form>
      </li>
    );
  }

  if (mode === 'delete') {
    return (
      <li className="pw-secrets__row pw-secrets__row--confirm" data-testid={`secret-row-${name}`} onKeyDown={cancelOnEscape}>
        <span className="pw-secrets__confirm">Delete {name}? Pipelines that use it will fail to run until it is set again.</span>
        <button type="button" className="pw-button pw-button--small pw-button--danger" autoFocus disabled={busy} data-testid="secret-delete-confirm" onClick={() => void onDelete()}>
          Delete
        </button>
        {cancel}
      </li>
    );
  }

  return (
    <li className="pw-secrets__row" data-testid={`secret-row-${name}`}>
      <span className="pw-secrets__name">{name}</span>
      <span className="pw-secrets__stored">value stored</span>
      <button type="button" className="pw-button pw-button--small" disabled={locked} title={locked ? 'Opt in above to store values' : undefined} data-testid={`secret-set-value-${name}`} onClick={() => start('value')}>
        Set value
      </button>
      <button type="button" className="pw-button pw-button--small" data-testid={`secret-rename-${name}`} onClick={() => start('rename')}>
        Rename
      </button>
      <button type="button" className="pw-button pw-button--small" data-testid={`secret-delete-${name}`} onClick={() => start('delete')}>
        Delete
      </button>
    </li>
  );
}
