/**
 * The readable copy of an original. Originals are kept byte for byte in whatever encoding they came in
 * (UTF-8, UTF-16, GB18030), and a browser given a .txt without a charset guesses, showing mojibake or
 * nothing. Beside each `<name>.txt` the build writes `<name>.utf8.txt`: the same text decoded with the
 * importer's checked decoder, written as UTF-8 with a byte-order mark (which browsers honour whatever
 * the server says). Line breaks and every character are kept; only the encoding changes.
 */
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
