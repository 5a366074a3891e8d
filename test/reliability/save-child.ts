// Bundled and run by saves.test.ts, killed with SIGKILL mid-way: saves two versions of a
// 2 MB pipeline over each other, as the editor's Save does, until it is killed.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../node-library/model/save';

const [file, a, b] = process.argv.slice(2);
const versions = [await readFile(a, 'utf8'), await readFile(b, 'utf8')];
process.stdout.write('ready\n');
for (let i = 0; ; i++) await writeFileAtomic(file, versions[i % 2]);
