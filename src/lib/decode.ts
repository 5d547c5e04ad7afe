/**
 * Reads a source file's bytes in whatever encoding it came in: UTF-8 (with or without BOM), UTF-16
 * (LE/BE, with or without BOM) or GB18030 (which includes GBK and GB2312). Every decoding is checked,
 * never guessed blindly: UTF-8 and UTF-16 must be well formed, GB18030 must round-trip to the same
 * bytes, and a file without a byte-order mark is read in the encoding whose text looks most like
 * Chinese prose (not by counting zero bytes: 一 U+4E00 and 开 U+5F00 have a zero low byte). Binary and
 * undecodable files are refused, saying what is wrong and at which byte.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Why bytes could not be read as text; the importer reports it as its own refusal. */
export class DecodeError extends Error {
  readonly code: 'empty' | 'binary' | 'undecodable';

  constructor(code: DecodeError['code'], message: string) {
    super(message);
    this.name = 'DecodeError';
    this.code = code;
  }
}

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

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'UTF-16LE' | 'UTF-16BE'): string | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const text = iconv.decode(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be',
    {
      stripBOM: false,
    },
  );
  return text.isWellFormed() ? text : undefined;
}

/** Share of two-byte characters in the GB2312 block (common hanzi and punctuation): high for Chinese text. */
function gb2312Share(bytes: Uint8Array): number {
  let common = 0;
  let other = 0;
  for (let i = 0; i < bytes.length;) {
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
  throw new DecodeError(
    'binary',
    `文件看起来是二进制文件而不是文本：按 ${encoding} 读取时第 ${line} 行有控制字符 ${hex(match[0].codePointAt(0) ?? 0)} / ` +
      `the file looks binary, not text: control character ${hex(match[0].codePointAt(0) ?? 0)} on line ${line} (read as ${encoding})`,
  );
}

/**
 * Share of characters that Chinese prose is made of: hanzi, CJK and full-width punctuation, ASCII
 * letters, digits and punctuation, line breaks. Text read in the wrong encoding scatters into other
 * blocks (Hangul, Yi, Gurmukhi, private use …) and scores low.
 */
export function textLikeness(text: string): number {
  let plain = 0;
  let total = 0;
  for (const char of text) {
    total++;
    const code = char.codePointAt(0) ?? 0;
    if (
      (code >= 0x20 && code <= 0x7e) ||
      code === 0x0a ||
      code === 0x0d ||
      code === 0x09 ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff00 && code <= 0xffef) ||
      (code >= 0x2010 && code <= 0x2027) ||
      code === 0x00b7 ||
      code === 0x00d7 ||
      code === 0x25a1 ||
      code === 0x25a0 ||
      code === 0xfeff
    ) {
      plain++;
    }
  }
  return total === 0 ? 0 : plain / total;
}

/** Below this share of ordinary characters a decoding is not taken for text. */
const MIN_LIKENESS = 0.85;

/** Where UTF-8 breaks: the byte offset (0-based) and what is wrong there. */
export function utf8Problem(bytes: Uint8Array): { offset: number; truncated: boolean } | undefined {
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i] ?? 0;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0) return { offset: i, truncated: false };
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return { offset: i, truncated: true };
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return { offset: i, truncated: false };
    }
    i += length;
  }
  // Overlong forms and surrogates pass the loop above; TextDecoder has the last word.
  return decodeUtf8(bytes) === undefined ? { offset: 0, truncated: false } : undefined;
}

/** The first zero byte's position (1-based) for a "binary" message. */
function refuseZeroBytes(bytes: Uint8Array): never {
  throw new DecodeError(
    'binary',
    `文件看起来是二进制文件而不是文本：第 ${bytes.indexOf(0) + 1} 字节为零字节，按 UTF-16 读也不成文本 / ` +
      `the file looks binary, not text: a zero byte at byte ${bytes.indexOf(0) + 1}, and it does not read as UTF-16 text either`,
  );
}

/** A file that is UTF-8 up to one bad spot: say so, and where, instead of "not UTF-8". */
function refuseBrokenUtf8(bytes: Uint8Array): void {
  const problem = utf8Problem(bytes);
  if (!problem || problem.offset === 0) return;
  const prefix = decodeUtf8(bytes.subarray(0, problem.offset));
  // Only a file that really is UTF-8 before the bad spot (with some multi-byte characters) gets this message.
  if (prefix === undefined || !/[^\u0000-\u007f]/u.test(prefix)) return;
  const byte = problem.offset + 1;
  const line = prefix.split('\n').length;
  const badByte = (bytes[problem.offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  throw new DecodeError(
    'undecodable',
    problem.truncated
      ? `文件是 UTF-8 编码，但在末尾被截断：第 ${byte} 字节（第 ${line} 行）开始的多字节字符不完整 / ` +
          `the file is UTF-8 but cut off: the multi-byte character starting at byte ${byte} (line ${line}) is incomplete`
      : `文件是 UTF-8 编码，但第 ${byte} 字节（第 ${line} 行）不是有效的 UTF-8（0x${badByte}）/ ` +
          `the file is UTF-8 but byte ${byte} (line ${line}) is not valid UTF-8 (0x${badByte})`,
  );
}

/** Without a byte-order mark: UTF-8 if well formed, else the most text-like of UTF-16LE/BE and GB18030. */
function decodeUnmarked(bytes: Uint8Array): DecodedSource | undefined {
  const utf8 = bytes.includes(0) ? undefined : decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8' };
  const tries: DecodedSource[] = [];
  for (const encoding of ['UTF-16LE', 'UTF-16BE'] as const) {
    const text = decodeUtf16(bytes, encoding);
    if (text !== undefined) tries.push({ text, encoding });
  }
  if (!bytes.includes(0)) {
    const text = decodeGb18030(bytes);
    if (text !== undefined) tries.push({ text, encoding: 'GB18030' });
  }
  const scored = tries.map((t) => ({ t, score: textLikeness(t.text) })).sort((a, b) => b.score - a.score);
  const best = scored[0];
  return best && best.score >= MIN_LIKENESS ? best.t : undefined;
}

export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.length === 0) throw new DecodeError('empty', '文件为空 / the file is empty');

  let decoded: DecodedSource | undefined;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeUtf8(bytes.subarray(3));
    if (text !== undefined) decoded = { text, encoding: 'UTF-8 (BOM)' };
    else refuseBrokenUtf8(bytes);
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    const text = decodeUtf16(bytes.subarray(2), encoding);
    if (text !== undefined) decoded = { text, encoding };
  } else {
    decoded = decodeUnmarked(bytes);
    if (!decoded && bytes.includes(0)) refuseZeroBytes(bytes);
    if (!decoded) refuseBrokenUtf8(bytes);
  }

  if (!decoded) {
    // A guess of an encoding tried above would contradict the message, so only others are named.
    const detected = chardet.detect(bytes);
    const guess = detected && !/^(UTF-8|UTF-16|GB18030|GBK|GB2312)/iu.test(detected) ? detected : undefined;
    throw new DecodeError(
      'undecodable',
      `无法识别文件编码：既不是 UTF-8、UTF-16，也不是 GB18030/GBK${guess ? `（检测器猜测为 ${guess}，不支持）` : ''} / ` +
        `cannot decode the file: it is not UTF-8, UTF-16 or GB18030/GBK${guess ? ` (detector's guess: ${guess}, not supported)` : ''}`,
    );
  }
  refuseBinary(decoded.text, decoded.encoding);
  if (decoded.text.replace(/^\uFEFF/, '').trim() === '') {
    throw new DecodeError('empty', '文件为空（只有空白）/ the file is empty (whitespace only)');
  }
  return decoded;
}
