import { defineNode } from '../define-node';

export const noopNode = defineNode({
  type: 'util.noop',
  version: 1,
  title: 'No-op',
  category: 'Utilities',
  description: 'Passes its input through unchanged. A join point: it waits for whatever is wired to "after" too.',
  inputs: [
    { id: 'in', type: 'any', optional: true },
    { id: 'after', type: 'any', optional: true, label: 'after (waits only)' },
  ],
  outputs: [{ id: 'out', type: 'any' }],
  params: {},
  async run({ inputs }) {
    return { out: inputs.in ?? null };
  },
});
