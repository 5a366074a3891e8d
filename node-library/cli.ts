#!/usr/bin/env node
import { toErrorInfo } from './contract';
import { UsageError } from './cli/args';
import { print, printError, type Command } from './cli/command';
import { exportCommand } from './cli/commands/export';
import { installCommand } from './cli/commands/install';
import { logsCommand, resumeCommand, runsCommand } from './cli/commands/history';
import { nodesCommand } from './cli/commands/nodes';
import { runCommand } from './cli/commands/run';
import { scheduleCommand } from './cli/commands/schedule';
import { serveCommand } from './cli/commands/serve';
import { testCommand } from './cli/commands/test';
import { validateCommand } from './cli/commands/validate';

const commands: Command[] = [runCommand, validateCommand, installCommand, nodesCommand, runsCommand, logsCommand, resumeCommand, testCommand, exportCommand, serveCommand, scheduleCommand];

const overview = `Usage: pipewright <command> [options]   (pipewright <command> --help for more)

${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    print(overview);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    printError(`unknown command ${name}\n\n${overview}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    print(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    printError(`${error.message}\n\n${command.usage}`);
    return 2;
  }
}

// Exits once stdout has taken everything written: into a pipe, writes are asynchronous and
// process.exit would cut the last lines (a --json reader would get half an event).
const exitWhenFlushed = (code: number) => process.stdout.write('', () => process.exit(code));

main(process.argv.slice(2)).then(exitWhenFlushed, (error: unknown) => {
  printError(`pipewright: ${toErrorInfo(error).message}`);
  exitWhenFlushed(1);
});
