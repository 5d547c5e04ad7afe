/**
 * Writes a file whole: to a hidden temporary file first, then renamed into place, so a reader (a build, a
 * concurrent import) never sees half a file and a crash leaves no partial one. `temporaryDir` must be on
 * the same file system as `path` (rename is atomic only within one; across two it fails with EXDEV).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeWhole(path: string, data: string | Uint8Array, temporaryDir = dirname(path)): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(temporaryDir, `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temporary, data, { flag: 'wx' });
  renameSync(temporary, path);
}
