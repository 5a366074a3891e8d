// Bundled and run by fuzz.test.ts under `node --disallow-code-generation-from-strings`:
// the same cases as in-process, with eval and new Function refused.
import { fuzz, readExamples } from './fuzz-cases';

let unhandled = 0;
process.on('unhandledRejection', () => unhandled++);
const [count, hugeMb, examplesDir] = process.argv.slice(2);
const summary = await fuzz(Number(count), Number(hugeMb), readExamples(examplesDir));
process.stdout.write(`${JSON.stringify({ ...summary, unhandled })}\n`);
