import { createRegistry } from '../../nodes/registry';
import { parse } from '../args';
import { print, type Command } from '../command';

export const nodesCommand: Command = {
  name: 'nodes',
  summary: 'list the node types with their ports and params',
  usage: 'pipewright nodes [--json]',
  async run(argv) {
    const { values } = parse(argv, { json: { type: 'boolean' } });
    const types = createRegistry().list();
    if (values.json) {
      print(JSON.stringify(types, null, 2));
      return 0;
    }
    for (const t of types) {
      const ports = (list: typeof t.inputs) => list.map((p) => `${p.id}:${p.type}`).join(', ') || '-';
      print(`${t.type} (v${t.version})  ${t.title}: ${t.description}`);
      print(`  inputs: ${ports(t.inputs)}   outputs: ${ports(t.outputs)}`);
      for (const p of t.params) {
        const extra = p.required ? 'required' : `default ${JSON.stringify(p.default ?? null)}`;
        print(`  param ${p.name} (${p.kind}, ${extra})${p.description ? `: ${p.description}` : ''}`);
      }
    }
    return 0;
  },
};
