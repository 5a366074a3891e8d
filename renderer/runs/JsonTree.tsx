import { useState } from 'react';

/** A JSON value as a tree; objects and arrays fold, the first two levels open. */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <ul className="pw-json" data-testid="json-tree">
      <JsonNode name={null} path="$" value={value} depth={0} />
    </ul>
  );
}

const maxChildren = 500;

/** `path` (`$.expectations.1`) names the node for tests and tooltips. */
function JsonNode({ name, path, value, depth }: { name: string | null; path: string; value: unknown; depth: number }) {
  const [open, setOpen] = useState(depth < 2);
  const label = name !== null && <span className="pw-json__key">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <li className="pw-json__leaf">
        {label}
        <span className={`pw-json__value pw-json__value--${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </li>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const summary = Array.isArray(value) ? `[${value.length}]` : `{${entries.length}}`;
  return (
    <li>
      <button type="button" className="pw-json__toggle" aria-expanded={open} title={path} data-testid={`json-toggle-${path}`} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {label}
        <span className="pw-json__summary">{summary}</span>
      </button>
      {open && (
        <ul className="pw-json__children">
          {entries.slice(0, maxChildren).map(([k, v]) => (
            <JsonNode key={k} name={k} path={`${path}.${k}`} value={v} depth={depth + 1} />
          ))}
          {entries.length > maxChildren && <li className="pw-json__more">… {entries.length - maxChildren} more</li>}
        </ul>
      )}
    </li>
  );
}
