import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../node-library/nodes/registry';
import { parsePipeline } from '../../../node-library/model/load';
import { serializePipeline } from '../../../node-library/model/save';
import { dependenciesSchema, pipelineFileSchema } from '../../../node-library/contract';
import { csvPipeline } from '../helpers';

const problems = (dependencies: Record<string, string>) => {
  const result = dependenciesSchema.safeParse(dependencies);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('pipeline dependencies', () => {
  it('accepts package.json-like names and specs', () => {
    const ok = {
      lodash: '^4.17.21', '@scope/pkg.name': '~1.2', JSONStream: '1.x', 'date-fns': '>=2 <4', left: 'latest',
      local: 'file:../packages/local', alias: 'npm:lodash@^4', gh: 'github:user/repo#v1', short: 'user/repo', tar: 'https://example.com/p.tgz', g: 'git+https://example.com/r.git',
    };
    expect(problems(ok)).toEqual([]);
  });

  it.each([
    ['a name with a space', { 'left pad': '1.0.0' }, 'left pad', /not an npm package name/],
    ['a name starting with a dot', { '.hidden': '1.0.0' }, '.hidden', /cannot start with \. or _/],
    ['a scope without a name', { '@scope/': '1.0.0' }, '@scope/', /not an npm package name/],
    ['an empty spec', { lodash: '' }, 'lodash', /lodash: give a version/],
    ['a spec with a newline', { lodash: '^4\nrm -rf' }, 'lodash', /lodash: "\^4\nrm -rf" is not a version spec/],
    ['a link: spec', { mine: 'link:../mine' }, 'mine', /npm does not install "link:\.\.\/mine"; use "file:<folder>"/],
    ['a name too long', { ['a'.repeat(215)]: '1.0.0' }, 'a'.repeat(215), /at most 214 characters/],
  ])('rejects %s, naming the entry', (_name, dependencies, path, message) => {
    expect(problems(dependencies)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('names the entry in a load problem; files without dependencies still load', () => {
    const registry = createRegistry();
    const bad = parsePipeline(JSON.stringify({ ...csvPipeline('a.csv', 'b.csv'), dependencies: { 'Bad Name': '1' } }), registry);
    expect(bad).toMatchObject({ ok: false, problems: [{ code: 'E_PIPELINE_002', path: 'dependencies.Bad Name', message: expect.stringContaining('"Bad Name" is not an npm package name') }] });
    const old = parsePipeline(JSON.stringify(csvPipeline('a.csv', 'b.csv')), registry);
    expect(old.ok && old.pipeline.dependencies).toBeUndefined();
  });

  it('saves dependencies sorted after params, and drops an empty list', () => {
    const pipeline = pipelineFileSchema.parse({ ...csvPipeline('a.csv', 'b.csv'), dependencies: { zod: '^4', 'date-fns': '^3' } });
    const text = serializePipeline(pipeline);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'id', 'name', 'description', 'params', 'dependencies', 'nodes', 'edges', 'layout']);
    expect(Object.keys(JSON.parse(text).dependencies)).toEqual(['date-fns', 'zod']);
    expect(serializePipeline({ ...pipeline, dependencies: {} })).toBe(serializePipeline({ ...pipeline, dependencies: undefined }));
  });
});
