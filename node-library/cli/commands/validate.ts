import path from 'node:path';
import { formatProblems, loadPipelineFile } from '../../model/load';
import { createRegistry } from '../../nodes/registry';
import { parse, UsageError } from '../args';
import { print, printError, type Command } from '../command';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a pipeline file; every problem on one line naming node and field',
  usage: 'pipewright validate <pipeline.json> [--json]\n\nExit 0 when valid, 2 when not.',
  async run(argv) {
    const { positionals, values } = parse(argv, { json: { type: 'boolean' } });
    const [file] = positionals;
    if (!file) throw new UsageError('validate needs a pipeline file');
    const result = await loadPipelineFile(path.resolve(file), createRegistry());
    if (values.json) print(JSON.stringify(result.ok ? { valid: true } : { valid: false, problems: result.problems }));
    else if (result.ok) print(`${file} is valid`);
    else printError(`${file} is invalid:\n${formatProblems(result.problems)}`);
    return result.ok ? 0 : 2;
  },
};
