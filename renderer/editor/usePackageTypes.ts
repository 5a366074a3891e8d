import { useEffect, useState } from 'react';
import type { PackageTypes } from '../../node-library/contract';
import { api } from '../api/client';
import type { MonacoSetup } from './load-monaco';

/**
 * Declarations fetched, by pipeline and declared list: selecting another code
 * node of the same pipeline does not read them from disk again. An install
 * forgets them all (and bumps the generation the hooks re-fetch on).
 */
const fetched = new Map<string, Promise<PackageTypes>>();
let installGeneration = 0;
const generationListeners = new Set<(generation: number) => void>();
let watchingInstalls = false;

function onInstallsDone(listener: (generation: number) => void): () => void {
  if (!watchingInstalls) {
    watchingInstalls = true;
    api.onInstallEvent((event) => {
      if (event.type !== 'install:done') return;
      installGeneration++;
      fetched.clear();
      for (const notify of generationListeners) notify(installGeneration);
    });
  }
  generationListeners.add(listener);
  return () => generationListeners.delete(listener);
}

function packageTypes(pipelineId: string, key: string): Promise<PackageTypes> {
  const cacheKey = `${pipelineId}\n${key}`;
  let answer = fetched.get(cacheKey);
  if (!answer) {
    answer = api.packageTypes(pipelineId);
    fetched.set(cacheKey, answer);
    // A failure is not kept: the next mount asks again.
    answer.catch(() => fetched.get(cacheKey) === answer && fetched.delete(cacheKey));
  }
  return answer;
}

/**
 * The declarations of the pipeline's installed npm packages, loaded into
 * Monaco under `file:///node_modules/...` so an import resolves to its real
 * types; fetched again when the declared list changes and after an install.
 * Returns the packages that have declarations (the others import as `any`).
 */
export function usePackageTypes(setup: MonacoSetup | undefined, pipelineId: string, declared: readonly string[]): readonly string[] {
  const [typed, setTyped] = useState<readonly string[]>([]);
  const [generation, setGeneration] = useState(installGeneration);
  const key = declared.join('\n');
  useEffect(() => onInstallsDone(setGeneration), []);

  useEffect(() => {
    if (!setup || !key) {
      setTyped([]);
      return;
    }
    let cancelled = false;
    const libs: { dispose(): void }[] = [];
    packageTypes(pipelineId, key).then(
      ({ files, typed: names }) => {
        if (cancelled) return;
        for (const file of files) {
          const uri = `file:///${file.path}`;
          libs.push(setup.typescriptDefaults.addExtraLib(file.text, uri), setup.javascriptDefaults.addExtraLib(file.text, uri));
        }
        setTyped(names);
      },
      () => !cancelled && setTyped([]),
    );
    return () => {
      cancelled = true;
      for (const lib of libs) lib.dispose();
    };
  }, [setup, pipelineId, key, generation]);
  return typed;
}
