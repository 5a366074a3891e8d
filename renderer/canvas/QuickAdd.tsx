import { useMemo, useState } from 'react';
import { nodePorts, type NodeTypeInfo } from '../../node-library/contract';
import { SearchList } from '../app/SearchList';
import { useAddNode } from '../hooks/useAddNode';
import { compatiblePort, searchNodeTypes } from '../palette/search-node-types';
import { useAppStore } from '../store/app-store';
import { nodeTypeMap, selectNodeTypes, selectOpenPipeline } from '../store/selectors';
import type { QuickAdd as QuickAddState } from '../store/ui-slice';
import { CategoryIcon } from './CategoryIcon';
import { categoryStyle } from './category-style';

/**
 * The quick-add list at the pointer (double-click on empty canvas, or `/`).
 * For a wire dropped on empty canvas it lists only types that can take it,
 * and the node it adds is connected.
 */
export function QuickAdd({ state }: { state: QuickAddState }) {
  const nodeTypes = useAppStore(selectNodeTypes);
  const pipeline = useAppStore(selectOpenPipeline);
  const [query, setQuery] = useState('');
  const add = useAddNode();
  const close = () => useAppStore.getState().setOverlay(null);

  const candidates = useMemo(() => {
    const from = state.from;
    if (!from || !pipeline) return nodeTypes;
    const fromNode = pipeline.nodes.find((n) => n.id === from.nodeId);
    const fromInfo = nodeTypeMap(nodeTypes).get(fromNode?.type ?? '');
    const ports = fromNode && fromInfo ? nodePorts(fromNode, fromInfo) : undefined;
    const port = (from.side === 'source' ? ports?.outputs : ports?.inputs)?.find((p) => p.id === from.portId);
    return nodeTypes.filter((t) => compatiblePort(t, port?.type ?? 'any', from.side) !== null);
  }, [nodeTypes, pipeline, state.from]);
  const items = searchNodeTypes(candidates, query).sort((a, b) => a.category.localeCompare(b.category) || a.title.localeCompare(b.title));

  const style = { left: Math.min(state.screen.x, innerWidth - 340), top: Math.min(state.screen.y, innerHeight - 380) };
  return (
    <SearchList<NodeTypeInfo>
      className="pw-quick-add"
      style={style}
      items={items}
      query={query}
      onQuery={setQuery}
      onClose={close}
      onPick={(t) => {
        close();
        add(t.type, state.flow, state.from);
      }}
      keyOf={(t) => t.type}
      placeholder={state.from ? 'Add a node that takes this wire…' : 'Add a node…'}
      empty="No node type matches."
      testId="quick-add"
      itemTestId={(t) => `quick-add-item-${t.type}`}
      render={(t) => (
        <>
          <span className="pw-palette__icon" style={{ background: categoryStyle(t.category).color }}>
            <CategoryIcon name={categoryStyle(t.category).icon} />
          </span>
          <span className="pw-search-list__title">{t.title}</span>
          <span className="pw-search-list__detail">{t.category}</span>
        </>
      )}
    />
  );
}
