import type { PipelineFile } from '../../node-library/contract';

/**
 * A valid layered DAG of `count` nodes with a saved layout: CSV sources in the
 * first column, filters and unions after, each reading from the column before.
 */
export function largePipeline(count: number, rowsPerColumn = 40): PipelineFile {
  const nodes: PipelineFile['nodes'] = [];
  const edges: PipelineFile['edges'] = [];
  const layout: PipelineFile['layout'] = {};
  const idAt = (column: number, row: number) => `n_${column}_${row}`;
  for (let i = 0; i < count; i++) {
    const column = Math.floor(i / rowsPerColumn);
    const row = i % rowsPerColumn;
    const id = idAt(column, row);
    layout[id] = { x: column * 320, y: row * 170 };
    if (column === 0) {
      nodes.push({ id, type: 'source.read_csv', version: 1, params: { path: 'data/orders.csv' } });
      continue;
    }
    const union = row % 5 === 4;
    nodes.push(union ? { id, type: 'transform.union', version: 1, params: {} } : { id, type: 'transform.filter', version: 1, params: { condition: `amount > ${row}` } });
    const from = (r: number) => idAt(column - 1, Math.min(r, rowsPerColumn - 1));
    if (union) {
      edges.push({ id: `${id}_a`, from: { node: from(row), port: 'out' }, to: { node: id, port: 'a' } });
      edges.push({ id: `${id}_b`, from: { node: from(row - 1), port: 'out' }, to: { node: id, port: 'b' } });
    } else {
      edges.push({ id: `${id}_in`, from: { node: from(row), port: 'out' }, to: { node: id, port: 'in' } });
    }
  }
  return { format: 'pipewright/pipeline@1', id: `large-${count}`, name: `Large (${count} nodes)`, description: 'Generated for the canvas bench.', params: {}, nodes, edges, layout };
}
