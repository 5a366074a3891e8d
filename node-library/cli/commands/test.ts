import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRegistry } from '../../nodes/registry';
import { findTestTargets } from '../../pipeline-tests/find-tests';
import { junitReport } from '../../pipeline-tests/junit';
import { runPipelineTest } from '../../pipeline-tests/run-pipeline-test';
import type { SuiteResult } from '../../pipeline-tests/test-case';
import { parse, UsageError } from '../args';
import { print, printError, type Command } from '../command';
import { formatMs } from '../format';

export const testCommand: Command = {
  name: 'test',
  summary: 'run pipelines with expectation nodes or a *.test.json headless; pass/fail per expectation',
  usage: `pipewright test [files or folders]... [--reporter text|junit] [--output file]

  Tests every pipeline (folders: searched recursively; default: the current folder)
  that has expectation nodes (quality.expect) or a sidecar <name>.test.json:
    { "params": { "name": "value" },
      "expect": { "state": "succeeded", "rows": { "node_id.port": 5 },
                  "files": { "out/result.csv": "expected/result.csv" } } }
  Outputs go to a temp folder, never over the pipeline's own.

  --reporter  text (default): a line per case and a summary line;
              junit: JUnit XML (to --output, else stdout; the text then goes to stderr)
  --output    the file the JUnit report is written to

A fail expectation that is violated fails; a warn one passes with a warning.
Exit 0 when every case passed, 1 when any failed, 2 on invalid input or nothing to test.`,
  async run(argv) {
    const { positionals, values } = parse(argv, { reporter: { type: 'string' }, output: { type: 'string' } });
    const reporter = values.reporter ?? 'text';
    if (reporter !== 'text' && reporter !== 'junit') throw new UsageError(`--reporter must be text or junit, not ${reporter}`);
    if (values.output && reporter !== 'junit') throw new UsageError('--output goes with --reporter junit');
    let targets;
    try {
      targets = await findTestTargets(positionals.length ? positionals : ['.']);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    // With JUnit on stdout, the human lines go to stderr so the XML stays parseable.
    const say = reporter === 'junit' && !values.output ? printError : print;
    const registry = createRegistry();
    const started = performance.now();
    const suites: SuiteResult[] = [];
    for (const target of targets) {
      const suite = await runPipelineTest(target, registry);
      if (!suite) continue;
      suites.push(suite);
      say(`${path.relative(process.cwd(), suite.file) || suite.file}`);
      for (const c of suite.cases) say(`  ${{ passed: 'PASS', failed: 'FAIL', warning: 'WARN' }[c.status]}  ${c.name}${c.message ? ` - ${c.message}` : ''}`);
    }
    if (suites.length === 0) {
      printError(`no pipelines with expectation nodes or a .test.json under ${positionals.join(', ') || '.'}`);
      return 2;
    }
    const cases = suites.flatMap((s) => s.cases);
    const n = (status: string) => cases.filter((c) => c.status === status).length;
    say(`\nTests: ${n('failed')} failed, ${n('passed')} passed, ${n('warning')} warnings, ${cases.length} total (${suites.length} pipelines) in ${formatMs(performance.now() - started)}`);
    if (reporter === 'junit') {
      if (values.output) await writeFile(path.resolve(values.output), junitReport(suites));
      else print(junitReport(suites).trimEnd());
    }
    return n('failed') > 0 ? 1 : 0;
  },
};
