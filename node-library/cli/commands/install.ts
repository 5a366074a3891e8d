import path from 'node:path';
import { toErrorInfo } from '../../contract';
import { workspaceDeclarations } from '../../backend/workspace-declarations';
import { formatProblems, loadPipelineFile } from '../../model/load';
import { createRegistry } from '../../nodes/registry';
import { WorkspacePackages } from '../../packages/install-packages';
import { parse, UsageError } from '../args';
import { print, printError, type Command } from '../command';

export const installCommand: Command = {
  name: 'install',
  summary: "install the npm packages a pipeline's code nodes import (its folder's .pipewright/packages)",
  usage: `pipewright install <pipeline.json>

Installs with npm, into .pipewright/packages next to the file, the dependencies of
every pipeline in the file's folder (as the app's Install does); pipewright run
imports them from there. Needs npm on the PATH.

Exit 0 when installed, 1 when npm failed (the previous install is kept), 2 on invalid input.`,
  async run(argv) {
    const { positionals } = parse(argv, {});
    const [file] = positionals;
    if (!file) throw new UsageError('install needs a pipeline file');
    const loaded = await loadPipelineFile(path.resolve(file), createRegistry(), { graph: false });
    if (!loaded.ok) {
      printError(`${file} is invalid:\n${formatProblems(loaded.problems)}`);
      return 2;
    }
    const dir = path.dirname(path.resolve(file));
    const packages = new WorkspacePackages(dir);
    packages.onEvent((event) => {
      if (event.type === 'install:phase') print(`${event.phase}: ${event.message}`);
      if (event.type === 'install:output') print(`  ${event.line}`);
    });
    try {
      const result = await packages.install(loaded.pipeline.id, await workspaceDeclarations(dir, loaded.pipeline.id, loaded.pipeline.dependencies));
      for (const p of result.packages) print(`${p.name}@${p.version ?? '?'} (${p.spec}): ${p.state}`);
      print(`installed in ${(result.durationMs / 1000).toFixed(1)} s into ${packages.dir}`);
      return 0;
    } catch (error) {
      printError(toErrorInfo(error).message);
      return 1;
    }
  },
};
