import type { SuiteResult } from './test-case';

/** JUnit XML, the report format CI systems read (GitHub, GitLab, Jenkins): a suite per pipeline, a case per expectation; warnings pass with a note. */
export function junitReport(suites: SuiteResult[]): string {
  const count = (status: string) => suites.reduce((n, s) => n + s.cases.filter((c) => c.status === status).length, 0);
  const total = suites.reduce((n, s) => n + s.cases.length, 0);
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pipewright" tests="${total}" failures="${count('failed')}" errors="0" time="${seconds(suites.reduce((t, s) => t + s.durationMs, 0))}">`,
  ];
  for (const suite of suites) {
    const failures = suite.cases.filter((c) => c.status === 'failed').length;
    lines.push(`  <testsuite name="${xml(suite.suite)}" file="${xml(suite.file)}" tests="${suite.cases.length}" failures="${failures}" errors="0" time="${seconds(suite.durationMs)}">`);
    for (const c of suite.cases) {
      const open = `    <testcase classname="${xml(suite.suite)}" name="${xml(c.name)}" time="${seconds(c.durationMs)}"`;
      if (c.status === 'passed') lines.push(`${open}/>`);
      else if (c.status === 'failed') lines.push(`${open}>`, `      <failure message="${xml(c.message ?? 'failed')}">${xml(c.message ?? '')}</failure>`, '    </testcase>');
      else lines.push(`${open}>`, `      <system-out>warning: ${xml(c.message ?? '')}</system-out>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!)
    // XML 1.0 has no way to write most control characters; drop them.
    .split('')
    .filter((ch) => ch >= ' ' || ch === '\n' || ch === '\r' || ch === '\t')
    .join('');
}
