import { useEffect } from 'react';
import { api } from '../api/client';
import { useAppStore } from '../store/app-store';

/** On start: loads the pipeline list and the node catalog from the backend. */
export function useLoadCatalog(): void {
  useEffect(() => {
    let current = true;
    const { setPipelines, setNodeTypes, showError } = useAppStore.getState();
    Promise.all([api.listPipelines(), api.listNodeTypes()]).then(
      ([pipelines, nodeTypes]) => {
        if (!current) return;
        setPipelines(pipelines);
        setNodeTypes(nodeTypes);
      },
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
  }, []);
}
