import { readFileSync } from 'node:fs';

export interface FileError { code: 'unreadable_file'; message: string }

export type ReadResult = { ok: true; text: string } | { ok: false; error: FileError };

/** Reads a scenario file as UTF-8; a missing or unreadable file is an error value, not an exception. */
export function readTextFile(path: string): ReadResult {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message;
    return { ok: false, error: { code: 'unreadable_file', message: `cannot read ${path}: ${why}` } };
  }
}
