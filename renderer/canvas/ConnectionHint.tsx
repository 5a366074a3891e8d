import { useConnection } from '@xyflow/react';
import { connectionRefusal } from '../hooks/useConnectPorts';

/** While a wire hovers a port it cannot join, says why, next to the pointer. */
export function ConnectionHint() {
  const reason = useConnection((c) => {
    if (!c.inProgress || c.isValid !== false || !c.toHandle) return null;
    const { fromHandle: a, toHandle: b } = c;
    if (a.type === b.type) return a.type === 'source' ? 'connect an output to an input' : 'connect an input to an output';
    const [out, input] = a.type === 'source' ? [a, b] : [b, a];
    return connectionRefusal({ source: out.nodeId, sourceHandle: out.id ?? null, target: input.nodeId, targetHandle: input.id ?? null });
  });
  const pointer = useConnection((c) => (c.inProgress ? c.pointer : null));
  if (!reason || !pointer) return null;
  return (
    <div className="pw-connection-hint" role="tooltip" data-testid="connection-refused" style={{ left: pointer.x + 16, top: pointer.y + 16 }}>
      {reason}
    </div>
  );
}
