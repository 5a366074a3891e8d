/** One line of a pipeline test report: an expectation, a row count, a file or the run itself. */
export interface TestCase {
  /** The pipeline id: a JUnit test suite. */
  suite: string;
  name: string;
  status: 'passed' | 'failed' | 'warning';
  /** Why it failed or warned. */
  message?: string;
  durationMs: number;
}

export interface SuiteResult {
  suite: string;
  file: string;
  durationMs: number;
  cases: TestCase[];
}
