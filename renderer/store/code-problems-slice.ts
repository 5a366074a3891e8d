import type { ErrorCode, PipelineFile, PipelineProblem } from '../../node-library/contract';
import type { SliceCreator } from './app-state';

/** A syntax or type error the code editor's language service found. */
export interface CodeError {
  line: number;
  column: number;
  message: string;
}

/** What the code editor found in a node's code, and for which code. */
export interface CodeCheck {
  /** The node's `code` the errors are about; once the code changes, they no longer count. */
  code: readonly string[] | undefined;
  errors: CodeError[];
}

export interface CodeProblemsSlice {
  /** Syntax and type errors of code nodes by node id, found in the browser before any run. */
  codeChecks: Record<string, CodeCheck>;
  setCodeCheck(nodeId: string, check: CodeCheck): void;
}

export const noCodeChecks: Pick<CodeProblemsSlice, 'codeChecks'> = { codeChecks: {} };

export const createCodeProblemsSlice: SliceCreator<CodeProblemsSlice> = (set) => ({
  ...noCodeChecks,
  setCodeCheck: (nodeId, check) => set((s) => ({ codeChecks: { ...s.codeChecks, [nodeId]: check } })),
});

const code: ErrorCode = 'E_EDITOR_001';

/**
 * The validation problems plus the code errors that still hold: the node
 * exists and its code is the one that was checked (an undo while its editor
 * is closed makes a check stale, and it is dropped rather than misleading).
 */
export function withCodeProblems(problems: PipelineProblem[], checks: Record<string, CodeCheck>, pipeline: PipelineFile | null): PipelineProblem[] {
  if (!pipeline) return problems;
  const found = Object.entries(checks).flatMap(([nodeId, check]) => {
    const index = pipeline.nodes.findIndex((n) => n.id === nodeId);
    if (index < 0 || pipeline.nodes[index].code !== check.code) return [];
    return check.errors.map((e): PipelineProblem => ({ code, path: `nodes.${index}.code`, nodeId, message: `node ${nodeId}: line ${e.line}, column ${e.column}: ${e.message}` }));
  });
  return found.length === 0 ? problems : [...problems, ...found];
}
