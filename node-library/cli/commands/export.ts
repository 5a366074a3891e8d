import path from 'node:path';
import { PipewrightError } from '../../contract';
import { exportPipeline } from '../../export/export-pipeline';
import { formatProblems, loadPipelineFile } from '../../model/load';
import { createRegistry } from '../../nodes/registry';
import { parse, UsageError } from '../args';
import { print, printError, type Command } from '../command';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write a folder that runs a pipeline with plain node (npm install && node pipeline.mjs)',
  usage: `pipewright export <pipeline.json> -o <dir> [--with-data] [--cron "m h dom mon dow"] [--json]

  -o, --out     the folder to write (new or empty)
  --with-data   copy the files the pipeline's sources read (its sample data)
  --cron        also write a crontab line, a systemd service + timer and a GitHub Actions workflow
  --json        print what was written as JSON

Exit 0 when written, 1 when writing failed, 2 on invalid input.`,
  async run(argv) {
    const { positionals, values } = parse(argv, { out: { type: 'string', short: 'o' }, 'with-data': { type: 'boolean' }, cron: { type: 'string' }, json: { type: 'boolean' } });
    const [file] = positionals;
    if (!file) throw new UsageError('export needs a pipeline file');
    if (!values.out) throw new UsageError('export needs -o <dir>');
    const registry = createRegistry();
    const loaded = await loadPipelineFile(path.resolve(file), registry);
    if (!loaded.ok) {
      printError(`${file} is invalid:\n${formatProblems(loaded.problems)}`);
      return 2;
    }
    let result;
    try {
      result = await exportPipeline(loaded.pipeline, path.resolve(file), registry, { outDir: values.out, includeData: values['with-data'], cron: values.cron });
    } catch (error) {
      if (!(error instanceof PipewrightError)) throw error;
      printError(error.message);
      return error.code === 'E_EXPORT_001' ? 2 : 1;
    }
    if (values.json) print(JSON.stringify(result));
    else print(`exported ${loaded.pipeline.id} to ${result.dir}:\n${result.files.map((f) => `  ${f}`).join('\n')}\n\nRun it: cd ${result.dir} && npm install && node pipeline.mjs`);
    return 0;
  },
};
