/**
 * The readable copy of an original. Originals are kept byte for byte in whatever encoding they came in
 * (UTF-8, UTF-16, GB18030); GitHub Pages serves `.txt` as UTF-8 text, so a UTF-8 original reads as it
 * is, but any other shows mojibake or nothing. Beside each such `<name>.txt` the build writes
 * `<name>.utf8.txt`: the same text decoded with the importer's checked decoder, written as UTF-8 with a
 * byte-order mark (which browsers honour whatever the server says). Line breaks and every character are
 * kept; only the encoding changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from './content-paths.ts';
import { decodeSource } from './decode.ts';

export const UTF8_BOM = '\uFEFF';

/** `000_abc.txt` → `000_abc.utf8.txt`. */
export function utf8ViewName(file: string): string {
  return `${file.replace(/\.txt$/, '')}.utf8.txt`;
}

/** The readable copy's content; throws (naming the file) when the original cannot be decoded. */
export function utf8View(file: string, bytes: Uint8Array): string {
  try {
    return UTF8_BOM + decodeSource(bytes).text;
  } catch (error) {
    throw new Error(
      `${file}: 无法解码原件 / cannot decode the original: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/**
 * Whether an original needs a readable copy: it is not UTF-8. One that cannot be decoded needs one too,
 * so that writing the copy (utf8View) fails the build naming the file.
 */
export function needsUtf8View(bytes: Uint8Array): boolean {
  try {
    return !decodeSource(bytes).encoding.startsWith('UTF-8');
  } catch {
    return true;
  }
}

/** The readable copy's file name for an original of the project at `root`, or null when it reads as it is. */
export function utf8ViewOf(file: string, root: string): string | null {
  return needsUtf8View(readFileSync(join(contentDir('originals', root), file))) ? utf8ViewName(file) : null;
}
