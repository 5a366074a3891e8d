// Builds better-sqlite3 against Electron's ABI into dist/electron-native/, leaving the Node
// build in node_modules untouched (tests, the CLI and serve mode keep using that one).
// Electron's main process loads it through better-sqlite3's `nativeBinding` option.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const outDir = path.join(root, 'dist', 'electron-native');
const target = path.join(outDir, 'better_sqlite3.node');
const stamp = path.join(outDir, `electron-${electronVersion}`);

if (existsSync(target) && existsSync(stamp)) process.exit(0);
const work = path.join(outDir, 'better-sqlite3');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
const nodeGyp = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
// npm may point node-gyp at Node's own headers (npm_config_nodedir); Electron's must win here.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.toLowerCase() !== 'npm_config_nodedir'));
const run = (args) => execFileSync(process.execPath, args, { cwd: work, stdio: 'inherit', env });
try {
  console.log(`fetching a prebuilt better-sqlite3 for Electron ${electronVersion}`);
  run([require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${electronVersion}`]);
} catch {
  try {
    console.log(`building better-sqlite3 for Electron ${electronVersion} from source (needs Electron's headers)`);
    run([nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron']);
  } catch {
    console.error('Could not get better-sqlite3 for Electron. Serve mode (npm run serve) works without it.');
    rmSync(outDir, { recursive: true, force: true });
    process.exit(1);
  }
}
cpSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
cpSync(target, stamp);
rmSync(work, { recursive: true, force: true });
