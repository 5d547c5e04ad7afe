/**
 * Reads a source file's bytes in whatever encoding it came in: UTF-8 (with or without BOM), UTF-16
 * (LE/BE, with a BOM or recognised by its zero bytes) or GB18030 (which includes GBK and GB2312).
 * Every decoding is checked, never guessed blindly: UTF-8 and UTF-16 must be well formed, GB18030 must
 * round-trip to the same bytes and look like Chinese text. Binary and undecodable files are refused.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from './errors.ts';

export type SourceEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export interface DecodedSource {
  /** The text, without a byte-order mark; line endings as in the file. */
  text: string;
  encoding: SourceEncoding;
}

/** Shown to the user: what the importer read the file as. */
export function describeEncoding(encoding: SourceEncoding): string {
  return encoding === 'GB18030' ? 'GB18030（兼容 GBK/GB2312）' : encoding;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** Zero bytes on one side of each 16-bit unit: the high byte of ASCII characters in UTF-16. */
function utf16ByZeroBytes(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  // Newlines, digits and Latin punctuation give zero high bytes; text in a byte encoding has none.
  // (Some hanzi have a zero low byte, 一 is U+4E00, so the other side is not always zero-free.)
  const enough = Math.max(1, (bytes.length / 2) * 0.005);
  if (oddZeros >= enough && oddZeros > evenZeros * 2) return 'UTF-16LE';
  if (evenZeros >= enough && evenZeros > oddZeros * 2) return 'UTF-16BE';
  return undefined;
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE'): string | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', {
    stripBOM: false,
  });
  return text.isWellFormed() ? text : undefined;
}

/** Share of two-byte characters in the GB2312 block (common hanzi and punctuation): high for Chinese text. */
function gb2312Share(bytes: Uint8Array): number {
  let common = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    const trail = bytes[i + 1] ?? 0;
    if (lead < 0x80) {
      i++;
    } else if (trail >= 0x30 && trail <= 0x39) {
      other++;
      i += 4;
    } else {
      if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
      else other++;
      i += 2;
    }
  }
  return common + other === 0 ? 0 : common / (common + other);
}

function decodeGb18030(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv.decode(buffer, 'gb18030', { stripBOM: false });
  // Lossless only if it encodes back to the same bytes (invalid sequences become U+FFFD and do not).
  if (!iconv.encode(text, 'gb18030').equals(buffer)) return undefined;
  const sure = chardet.analyse(bytes).some((m) => m.name === 'GB18030' && m.confidence >= 50);
  return sure || gb2312Share(bytes) >= 0.8 ? text : undefined;
}

const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/u;

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function refuseBinary(text: string, encoding: SourceEncoding): void {
  const match = CONTROL.exec(text);
  if (!match) return;
  const line = text.slice(0, match.index).split('\n').length;
  throw new ImportError(
    'binary',
    `文件看起来是二进制文件而不是文本：按 ${encoding} 读取时第 ${line} 行有控制字符 ${hex(match[0].codePointAt(0) ?? 0)} / ` +
      `the file looks binary, not text: control character ${hex(match[0].codePointAt(0) ?? 0)} on line ${line} (read as ${encoding})`,
  );
}

export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.length === 0) throw new ImportError('empty', '文件为空 / the file is empty');

  let decoded: DecodedSource | undefined;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeUtf8(bytes.subarray(3));
    if (text !== undefined) decoded = { text, encoding: 'UTF-8 (BOM)' };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    const text = decodeUtf16(bytes.subarray(2), encoding);
    if (text !== undefined) decoded = { text, encoding };
  } else {
    const utf16 = utf16ByZeroBytes(bytes);
    if (utf16) {
      const text = decodeUtf16(bytes, utf16);
      if (text !== undefined) decoded = { text, encoding: utf16 };
    } else if (bytes.includes(0)) {
      throw new ImportError(
        'binary',
        `文件看起来是二进制文件而不是文本：第 ${bytes.indexOf(0) + 1} 字节为零字节 / the file looks binary, not text: a zero byte at byte ${bytes.indexOf(0) + 1}`,
      );
    } else {
      const utf8 = decodeUtf8(bytes);
      const gb = utf8 === undefined ? decodeGb18030(bytes) : undefined;
      if (utf8 !== undefined) decoded = { text: utf8, encoding: 'UTF-8' };
      else if (gb !== undefined) decoded = { text: gb, encoding: 'GB18030' };
    }
  }

  if (!decoded) {
    const guess = chardet.detect(bytes);
    throw new ImportError(
      'undecodable',
      `无法识别文件编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK${guess ? `（检测器猜测为 ${guess}，不支持）` : ''} / ` +
        `cannot decode the file: it is not UTF-8, UTF-16 or GB18030/GBK${guess ? ` (detector's guess: ${guess}, not supported)` : ''}`,
    );
  }
  refuseBinary(decoded.text, decoded.encoding);
  if (decoded.text.replace(/^\uFEFF/, '').trim() === '') {
    throw new ImportError('empty', '文件为空（只有空白）/ the file is empty (whitespace only)');
  }
  return decoded;
}
