import { describe, expect, it } from 'vitest';
import type { PipelineFile } from '../../../node-library/contract';
import { nodeProblems } from '../../../renderer/inspector/node-problems';

const pipeline = { nodes: [{ id: 'read' }, { id: 'sum_monthly' }] } as unknown as PipelineFile;

describe("a node's problems in the inspector", () => {
  it('go to their param, and say where inside a structured one, counting from 1', () => {
    const problems = [
      { code: 'E_PIPELINE_004', path: 'nodes.1.params.aggregations.1.column', nodeId: 'sum_monthly', message: 'node sum_monthly, param aggregations.1.column: this op needs a column' },
      { code: 'E_PIPELINE_004', path: 'nodes.1.params.aggregations', nodeId: 'sum_monthly', message: 'node sum_monthly, param aggregations: add at least one aggregation' },
      { code: 'E_PIPELINE_004', path: 'nodes.1.params.table.rows.0', nodeId: 'sum_monthly', message: 'node sum_monthly, param table.rows.0: row 1 has 1 values; the table has 2 columns' },
      { code: 'E_PIPELINE_004', path: 'nodes.0.params.path', nodeId: 'read', message: 'node read, param path: must not be empty' },
    ];
    const { byField, general } = nodeProblems(pipeline, problems, 'sum_monthly');
    expect(Object.fromEntries(byField)).toEqual({
      'param:aggregations': ['#2 column: this op needs a column', 'add at least one aggregation'],
      'param:table': ['rows #1: row 1 has 1 values; the table has 2 columns'],
    });
    expect(general).toEqual([]);
  });
});
