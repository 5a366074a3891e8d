import { useMemo } from 'react';
import type { PipelineNode } from '../../node-library/contract';
import { setCode, setField, setParam, updateNode, type NodeSettings } from '../edits/update-node';
import { useAppStore } from '../store/app-store';

export interface NodeUpdates {
  setLabel(label: string): void;
  /** `undefined` removes the param, so the type's default applies. */
  setParam(name: string, value: unknown): void;
  setSetting<K extends keyof NodeSettings>(key: K, value: PipelineNode[K] | undefined): void;
  /** A code node's module; stored as lines, so a diff shows the changed lines. */
  setCode(text: string): void;
}

/** The inspector's edits of one node. Typing in one field makes one undo step. */
export function useUpdateNode(nodeId: string): NodeUpdates {
  return useMemo(() => {
    const edit = (field: string, change: (node: PipelineNode) => PipelineNode) =>
      useAppStore.getState().edit((p) => updateNode(p, nodeId, change), { coalesce: `${nodeId}:${field}` });
    return {
      setLabel: (label) => edit('label', (n) => setField(n, 'label', label.trim() === '' ? undefined : label)),
      setParam: (name, value) => edit(`param:${name}`, (n) => setParam(n, name, value)),
      setSetting: (key, value) => edit(`setting:${key}`, (n) => setField(n, key, value)),
      setCode: (text) => edit('code', (n) => setCode(n, text)),
    };
  }, [nodeId]);
}
