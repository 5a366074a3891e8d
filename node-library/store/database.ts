import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PipewrightError } from '../contract';
import { sqliteAddon } from '../data/sqlite-addon';
import { migrations } from './migrations';

export type SqliteDatabase = Database.Database;

/** 3.51.3 fixed a WAL-reset bug that could corrupt a database written by two connections at once. */
export const minimumSqlite = '3.51.3';
export type SqliteStatement = Database.Statement<unknown[]>;

/**
 * Settings of every connection to a store file (WAL is a setting of the file).
 * The busy timeout: another connection (the writer thread, the CLI next to
 * the app) may hold the write lock for a moment.
 */
export const connectionPragmas: readonly string[] = ['synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000'];

/**
 * Opens (creating if needed) a store file and brings its schema up to date.
 * WAL lets the UI read history while a run writes; synchronous = FULL makes
 * every commit survive a power cut, which is why writes are batched.
 */
export function openDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // The desktop app runs under Electron's ABI and loads its own build of the addon (see build/electron-native.mjs).
  const db = new Database(file, sqliteAddon());
  try {
    const version = db.prepare('SELECT sqlite_version()').pluck().get() as string;
    if (compareVersions(version, minimumSqlite) < 0) {
      throw new PipewrightError('E_STORE_001', `the run history needs SQLite ${minimumSqlite} or newer; this build of better-sqlite3 has ${version}: update better-sqlite3`);
    }
    db.pragma('journal_mode = WAL');
    for (const pragma of connectionPragmas) db.pragma(pragma);
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Applies the steps the file has not seen yet, each in its own transaction
 * with its version. The version is read again under the write lock, so two
 * processes opening a new file at once do not both run a step.
 */
function migrate(db: SqliteDatabase, file: string): void {
  const readVersion = (): number => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) {
      throw new PipewrightError(
        'E_STORE_001',
        `the run history ${file} was written by a newer version of Pipewright (schema ${version}, this one reads up to ${migrations.length}): update Pipewright or point it at another file`,
      );
    }
    return version;
  };
  if (readVersion() === migrations.length) return;
  const step = db.transaction((): boolean => {
    const version = readVersion();
    if (version === migrations.length) return false;
    db.exec(migrations[version]);
    db.pragma(`user_version = ${version + 1}`);
    return true;
  });
  while (step.immediate()) continue;
}

/** Compares dotted version numbers: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
