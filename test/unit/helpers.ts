import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { PipelineFile, RunEvent } from '../../node-library/contract';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const examplesDir = path.join(repoRoot, 'pipelines');

const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pipewright-test-'));
  tempDirs.push(dir);
  return dir;
}

/** The example pipelines and their data, copied so a test can write outputs freely. */
export async function copyExamples(): Promise<string> {
  const dir = await tempDir();
  // Outputs of earlier local runs (pipelines/out) stay behind.
  await cp(examplesDir, dir, { recursive: true, filter: (source) => path.relative(examplesDir, source).split(path.sep)[0] !== 'out' });
  return dir;
}

export async function writeTempFile(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

export function eventRecorder(): { events: RunEvent[]; onEvent(event: RunEvent): void; statesOf(nodeId: string): string[] } {
  const events: RunEvent[] = [];
  return {
    events,
    onEvent: (event) => events.push(event),
    statesOf: (nodeId) => events.flatMap((e) => (e.type === 'node:state' && e.nodeId === nodeId ? [e.state] : [])),
  };
}

/** A read -> filter -> write pipeline over `input`, writing `output`. */
export function csvPipeline(input: string, output: string, condition = 'amount > 100'): PipelineFile {
  return {
    format: 'pipewright/pipeline@1',
    id: 'test-pipeline',
    name: 'Test pipeline',
    description: '',
    params: {},
    nodes: [
      { id: 'read', type: 'source.read_csv', version: 1, params: { path: input } },
      { id: 'filter', type: 'transform.filter', version: 1, params: { condition } },
      { id: 'write', type: 'sink.write_csv', version: 1, params: { path: output } },
    ],
    edges: [
      { id: 'e1', from: { node: 'read', port: 'out' }, to: { node: 'filter', port: 'in' } },
      { id: 'e2', from: { node: 'filter', port: 'out' }, to: { node: 'write', port: 'in' } },
    ],
    layout: {},
  };
}

export const ordersCsv = ['id,customer,amount', '1,Ada,250', '2,Grace,75.5', '3,Alan,1200', '4,Edsger,100'].join('\n') + '\n';
