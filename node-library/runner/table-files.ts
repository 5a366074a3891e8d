import { closeSync, fstatSync, mkdirSync, openSync, readSync, writevSync } from 'node:fs';
import path from 'node:path';
import type { IpcPieces } from './arrow-columns';
import type { WireTable } from './protocol';

/**
 * Tables up to this size ride inside the call message. Bigger ones cross as a
 * file: the IPC channel's serialiser copies a buffer several times on each
 * side (serialise, socket chunks, join, deserialise), a file once.
 */
export const inlineTableBytes = 64 * 1024;

/** The folder beside a call's work folder that holds its table files; the pool removes it after the call. */
export function tableFolder(workDir: string): string {
  return `${workDir}-tables`;
}

/** An Arrow IPC stream for the wire: joined inline when small, else written piece by piece to `<name>.arrow` in the call's table folder. */
export function toWire(pieces: IpcPieces, workDir: string, name: string): WireTable {
  const size = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
  if (size <= inlineTableBytes) return { kind: 'arrow', bytes: Buffer.concat(pieces, size) };
  const folder = tableFolder(workDir);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.arrow`);
  const fd = openSync(file, 'w');
  try {
    if (writevSync(fd, pieces) !== size) throw new Error(`could not write the whole table to ${file}`);
  } finally {
    closeSync(fd);
  }
  return { kind: 'arrow-file', path: file };
}

/** The Arrow IPC bytes of a table from the wire; a file is read into the memory `buffer` gives (a SpareBuffers' take). */
export function fromWire(table: WireTable, buffer: (bytes: number) => Uint8Array): Uint8Array {
  if (table.kind === 'arrow') return table.bytes;
  const fd = openSync(table.path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = buffer(size);
    for (let read = 0; read < size; ) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) throw new Error(`${table.path} ended after ${read} of its ${size} bytes`);
      read += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}
