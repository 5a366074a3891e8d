import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../store/app-store';
import type { CodeLanguage } from './code-language';
import type { MonacoSetup } from './load-monaco';

type Model = ReturnType<MonacoSetup['monaco']['editor']['createModel']>;

export interface CodeModelOptions {
  pipelineId: string;
  nodeId: string;
  language: CodeLanguage;
  /** The node's code as the store has it. */
  text: string;
  /** The node's generated `.d.ts` (code-declaration.ts). */
  declaration: string;
  onChange(text: string): void;
}

/**
 * The Monaco model of one code node, shared by its inline and large editors:
 * named per node (`file:///pipewright/<pipeline>/<node>.ts`), typed by the
 * node's declaration as an extra lib under its own file name, kept in step
 * with the store both ways, and its error markers reported to the store as
 * the node's problems. The declaration is global, so it is loaded only while
 * this node is being edited; two nodes' `Inputs` never meet.
 */
export function useCodeModel(setup: MonacoSetup | undefined, options: CodeModelOptions): Model | null {
  const { pipelineId, nodeId, language, text, declaration } = options;
  const [model, setModel] = useState<Model | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const applyingStoreText = useRef(false);
  const base = `file:///pipewright/${pipelineId}/${nodeId}`;

  useEffect(() => {
    if (!setup) return;
    const { monaco } = setup;
    const uri = monaco.Uri.parse(`${base}.${language === 'typescript' ? 'ts' : 'js'}`);
    monaco.editor.getModel(uri)?.dispose();
    const created = monaco.editor.createModel(latest.current.text, language, uri);
    created.setEOL(monaco.editor.EndOfLineSequence.LF); // the file stores lines; no \r creeps in
    const changed = created.onDidChangeContent(() => {
      if (!applyingStoreText.current) latest.current.onChange(created.getValue());
    });
    const reportMarkers = () => {
      const errors = monaco.editor
        .getModelMarkers({ resource: uri })
        .filter((m) => m.severity === monaco.MarkerSeverity.Error)
        .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message }));
      const { openPipeline, setCodeCheck } = useAppStore.getState();
      setCodeCheck(nodeId, { code: openPipeline?.nodes.find((n) => n.id === nodeId)?.code, errors });
    };
    const markers = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === uri.toString())) reportMarkers();
    });
    setModel(created);
    return () => {
      // The last check stays in the store while the editor is closed; it lapses when the code changes.
      markers.dispose();
      changed.dispose();
      created.dispose();
      setModel(null);
    };
  }, [setup, base, language, nodeId]);

  useEffect(() => {
    if (!setup) return;
    const defaults = language === 'typescript' ? setup.typescriptDefaults : setup.javascriptDefaults;
    const lib = defaults.addExtraLib(declaration, `${base}.d.ts`);
    return () => lib.dispose();
  }, [setup, base, language, declaration]);

  // A change from outside (undo, redo) replaces the text; as one edit, so Monaco's own undo still works.
  useEffect(() => {
    if (!model || model.getValue() === text) return;
    applyingStoreText.current = true;
    try {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    } finally {
      applyingStoreText.current = false;
    }
  }, [model, text]);

  return model;
}
