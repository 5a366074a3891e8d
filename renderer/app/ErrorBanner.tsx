import { useAppStore } from '../store/app-store';
import { selectError, selectRunError } from '../store/selectors';

/** API errors and run failures, visible until dismissed or superseded. */
export function ErrorBanner() {
  const error = useAppStore(selectError);
  const runError = useAppStore(selectRunError);
  if (!error && !runError) return null;
  return (
    <div className="pw-banners">
      {error && (
        <div className="pw-banner pw-banner--error" role="alert" data-testid="error-banner">
          {error.code && <code className="pw-banner__code">{error.code}</code>}
          <span className="pw-banner__message">{error.message}</span>
          <button type="button" className="pw-banner__close" aria-label="Dismiss" onClick={() => useAppStore.getState().dismissError()}>
            ×
          </button>
        </div>
      )}
      {runError && (
        <div className="pw-banner pw-banner--warn" role="status" data-testid="run-error">
          <strong>Run failed:</strong> <span className="pw-banner__message">{runError}</span>
        </div>
      )}
    </div>
  );
}
