import { defineNode } from '../define-node';
import { param } from '../params';

export const paramNode = defineNode({
  type: 'source.param',
  version: 1,
  title: 'Parameter value',
  category: 'Sources',
  description: "Outputs the value of one of the pipeline's run parameters (its default, or the value the run was started with) as JSON.",
  inputs: [],
  outputs: [{ id: 'out', type: 'json' }],
  params: {
    name: param.string('Parameter', { description: 'The name of a parameter declared by the pipeline.' }),
  },
  async run({ params, runParams }) {
    if (!(params.name in runParams)) {
      const known = Object.keys(runParams);
      throw new Error(`param name: the pipeline has no run parameter ${params.name}; ${known.length ? `its parameters are ${known.join(', ')}` : 'it declares none'}`);
    }
    return { out: runParams[params.name] };
  },
});
