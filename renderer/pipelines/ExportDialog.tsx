import { useState } from 'react';
import type { ExportSummary } from '../../node-library/contract';
import { usePickFolder, useSubmitExport } from '../hooks/useExportPipeline';
import { useEscapeClosesOverlay } from '../hooks/useEscapeClosesOverlay';
import { useAppStore } from '../store/app-store';
import './pipelines.css';

/**
 * Exports the open pipeline as a headless script folder. The folder is typed
 * (relative to the pipelines folder, or absolute) because the backend, not the
 * browser, writes it; the result lists the files and how to run them.
 */
export function ExportDialog({ pipelineId }: { pipelineId: string }) {
  const submit = useSubmitExport();
  const pickFolder = usePickFolder();
  const [outDir, setOutDir] = useState(`exports/${pipelineId}`);
  const [includeData, setIncludeData] = useState(true);
  const [cron, setCron] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ExportSummary | null>(null);
  const close = () => useAppStore.getState().setOverlay(null);
  useEscapeClosesOverlay();
  return (
    <div className="pw-modal-backdrop">
      <form
        className="pw-modal pw-export"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pw-export-title"
        data-testid="export-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (result) return close();
          setBusy(true);
          setError(null);
          submit({ pipelineId, outDir, includeData, cron: cron.trim() || undefined })
            .then(setResult, (err: unknown) => setError((err as Error).message))
            .finally(() => setBusy(false));
        }}
      >
        <h2 className="pw-modal__title" id="pw-export-title">
          Export as a script
        </h2>
        {result ? (
          <div className="pw-export__result" data-testid="export-result">
            <p className="pw-dialog__message">Wrote {result.dir}:</p>
            <ul className="pw-export__files">
              {result.files.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
            <p className="pw-dialog__message">Run it with:</p>
            <pre className="pw-export__command" data-testid="export-command">{`cd ${result.dir}\nnpm install\nnode pipeline.mjs --help`}</pre>
          </div>
        ) : (
          <>
            <p className="pw-dialog__message">Writes a folder that runs {pipelineId} with plain Node.js: npm install && node pipeline.mjs.</p>
            <label className="pw-field">
              <span className="pw-field__label">Folder (new or empty; relative to the pipelines folder)</span>
              <span className="pw-export__folder">
                <input className="pw-input" autoFocus value={outDir} onChange={(e) => setOutDir(e.target.value)} data-testid="export-folder" />
                {pickFolder && (
                  <button type="button" className="pw-button" data-testid="export-browse" onClick={() => void pickFolder().then((dir) => dir && setOutDir(dir))}>
                    Browse…
                  </button>
                )}
              </span>
            </label>
            <label className="pw-export__check">
              <input type="checkbox" checked={includeData} onChange={(e) => setIncludeData(e.target.checked)} data-testid="export-include-data" />
              Include the sample data its sources read
            </label>
            <label className="pw-field">
              <span className="pw-field__label">Schedule (optional cron, e.g. 0 6 * * 1-5): adds crontab, systemd and GitHub Actions files</span>
              <input className="pw-input" value={cron} placeholder="m h dom mon dow" onChange={(e) => setCron(e.target.value)} data-testid="export-cron" />
            </label>
          </>
        )}
        {error && (
          <pre className="pw-export__error" role="alert" data-testid="export-error">
            {error}
          </pre>
        )}
        <div className="pw-dialog__actions">
          <button type="submit" className="pw-button pw-button--primary" data-testid="export-submit" disabled={busy}>
            {result ? 'Done' : busy ? 'Exporting…' : 'Export'}
          </button>
          {!result && (
            <button type="button" className="pw-button" data-testid="export-cancel" onClick={close}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
