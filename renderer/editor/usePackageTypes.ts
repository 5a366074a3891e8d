import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { MonacoSetup } from './load-monaco';

/**
 * The declarations of the pipeline's installed npm packages, loaded into
 * Monaco under `file:///node_modules/...` so an import resolves to its real
 * types; fetched again when the declared list changes and after an install.
 * Returns the packages that have declarations (the others import as `any`).
 */
export function usePackageTypes(setup: MonacoSetup | undefined, pipelineId: string, declared: readonly string[]): readonly string[] {
  const [typed, setTyped] = useState<readonly string[]>([]);
  const [installs, setInstalls] = useState(0);
  const key = declared.join('\n');
  useEffect(() => api.onInstallEvent((event) => event.type === 'install:done' && setInstalls((n) => n + 1)), []);

  useEffect(() => {
    if (!setup || !key) {
      setTyped([]);
      return;
    }
    let cancelled = false;
    const libs: { dispose(): void }[] = [];
    api.packageTypes(pipelineId).then(
      ({ files, typed: names }) => {
        if (cancelled) return;
        for (const file of files) {
          const uri = `file:///${file.path}`;
          libs.push(setup.typescriptDefaults.addExtraLib(file.text, uri), setup.javascriptDefaults.addExtraLib(file.text, uri));
        }
        setTyped(names);
      },
      () => setTyped([]),
    );
    return () => {
      cancelled = true;
      for (const lib of libs) lib.dispose();
    };
  }, [setup, pipelineId, key, installs]);
  return typed;
}
