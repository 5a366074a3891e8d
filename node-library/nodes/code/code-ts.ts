import { defineNode } from '../define-node';

// Placeholder for the editor branch: the runtime branch owns and replaces this file.
export const codeTsNode = defineNode({
  type: 'code.ts',
  version: 1,
  title: 'TypeScript code',
  category: 'Code',
  description: 'Runs your TypeScript module: its default export gets { inputs, params, state, log, signal } and returns its outputs by port id.',
  inputs: [{ id: 'in', type: 'table', optional: true }],
  outputs: [{ id: 'out', type: 'table' }],
  editablePorts: true,
  params: {},
  run() {
    return Promise.reject(new Error('code nodes are not runnable yet'));
  },
});
