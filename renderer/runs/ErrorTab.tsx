import { useFocusNode } from '../hooks/useFocusNode';
import { errorLine } from './error-line';
import type { PanelView } from './panel-view';

/** The node's error: code, message, the stack, and a way to the user's code at the line it names. */
export function ErrorTab({ view }: { view: PanelView }) {
  const focusNode = useFocusNode();
  const { error, reason } = view.detail;
  if (!error) {
    return <p className="pw-logs__hint">{reason ? `No error: ${reason}.` : view.state === 'failed' ? 'Failed without an error message.' : 'No error.'}</p>;
  }
  const line = errorLine(error);
  // The field that holds the node's user code (a code or SQL param); the error's line is a line of it.
  const codeParam = view.nodeInfo?.params.find((p) => p.kind === 'code' || p.kind === 'sql');
  return (
    <div className="pw-error-tab" data-testid="node-error">
      <p className="pw-logs__error">
        <strong>{error.code}</strong> {error.message}
      </p>
      {line !== null && (
        <div className="pw-error-tab__line">
          <span data-testid="error-line">line {line}</span>
          {codeParam && !view.past && (
            <button type="button" className="pw-button pw-button--small" data-testid="open-error-line" onClick={() => focusNode(view.node!.id, `param:${codeParam.name}`)}>
              Open {codeParam.label} at line {line}
            </button>
          )}
        </div>
      )}
      {error.stack && <pre className="pw-error-tab__stack">{error.stack}</pre>}
    </div>
  );
}
