import { useState } from 'react';
import { useSecrets } from '../hooks/useSecrets';
import { useEscapeClosesOverlay } from '../hooks/useEscapeClosesOverlay';
import { useAppStore } from '../store/app-store';
import { SecretRow } from './SecretRow';
import { toSecretName } from './secret-name';
import './secrets.css';

/**
 * The secrets settings view: named values that pipelines refer to as
 * `{ "$secret": "NAME" }`. Values are write-only: typed once, stored
 * encrypted by the backend, never shown again. Where the store has no OS
 * keyring it says why and stores nothing until the user opts in.
 */
export function SecretsDialog() {
  const secrets = useSecrets();
  const { info, error, busy } = secrets;
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const close = () => useAppStore.getState().setOverlay(null);
  useEscapeClosesOverlay();
  const locked = Boolean(info?.weakness) && !info?.weakAllowed;
  return (
    <div className="pw-modal-backdrop">
      <div className="pw-modal pw-secrets" role="dialog" aria-modal="true" aria-labelledby="pw-secrets-title" data-testid="secrets-dialog">
        <h2 className="pw-modal__title" id="pw-secrets-title">
          Secrets
        </h2>
        <p className="pw-dialog__message">
          Values that pipelines use by name: a param holds <code>{'{ "$secret": "NAME" }'}</code>, a code node lists the names it may read. Values are stored
          encrypted and never shown again, and never reach pipeline files, exported scripts or logs (runs show them as ***).
        </p>
        {info?.weakness && (
          <div className="pw-secrets__warning" role="note" data-testid="secrets-warning">
            <p className="pw-secrets__warning-text">
              <strong>Secrets cannot be stored safely here:</strong> {info.weakness}.
            </p>
            <label className="pw-secrets__check">
              <input type="checkbox" checked={info.weakAllowed} disabled={busy} data-testid="secrets-allow-weak" onChange={(e) => void secrets.allowWeak(e.target.checked)} />
              Store secrets anyway
            </label>
          </div>
        )}
        {info === null ? (
          <p className="pw-secrets__empty">Loading…</p>
        ) : info.names.length === 0 ? (
          <p className="pw-secrets__empty" data-testid="secrets-empty">
            No secrets yet.
          </p>
        ) : (
          <ul className="pw-secrets__list" data-testid="secrets-list">
            {info.names.map((n) => (
              <SecretRow
                key={n}
                name={n}
                locked={locked}
                busy={busy}
                onRename={(to) => secrets.rename(n, to)}
                onSetValue={(v) => secrets.setValue(n, v)}
                onDelete={() => secrets.remove(n)}
              />
            ))}
          </ul>
        )}
        <form
          className="pw-secrets__add"
          onSubmit={(e) => {
            e.preventDefault();
            void secrets.add(name, value).then((done) => {
              if (!done) return;
              setName('');
              setValue('');
            });
          }}
        >
          <fieldset className="pw-secrets__fieldset" disabled={locked || info === null} data-testid="secret-add-form">
            <legend className="pw-field__label">{locked ? 'Add a secret (opt in above first)' : 'Add a secret'}</legend>
            <input
              className="pw-input pw-input--mono"
              aria-label="Secret name"
              placeholder="API_TOKEN"
              spellCheck={false}
              autoComplete="off"
              value={name}
              data-testid="secret-add-name"
              onChange={(e) => setName(toSecretName(e.target.value))}
            />
            <input
              className="pw-input"
              type="password"
              aria-label="Secret value"
              placeholder="Value"
              autoComplete="off"
              value={value}
              data-testid="secret-add-value"
              onChange={(e) => setValue(e.target.value)}
            />
            <button type="submit" className="pw-button pw-button--primary" disabled={busy} data-testid="secret-add">
              Add
            </button>
          </fieldset>
        </form>
        {error && (
          <pre className="pw-secrets__error" role="alert" data-testid="secrets-error">
            {error}
          </pre>
        )}
        <div className="pw-dialog__actions">
          <button type="button" className="pw-button" autoFocus data-testid="secrets-close" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
