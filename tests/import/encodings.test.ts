/**
 * The same report in UTF-8, UTF-8 with BOM, UTF-16 (LE/BE, with or without BOM), GB18030 and GBK, with
 * LF or CRLF line endings, gives the identical article; the importer says which encoding it read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { DecodeError, decodeSource } from '../../src/lib/decode.ts';
import { buildDraft } from '../../tools/importer/draft.ts';
import { FIXTURES, readImported, runImport, SEEDS, seedBytes, tempProject, vocabularies } from './helpers.ts';

function variants(text: string): Record<string, { bytes: Buffer; encoding: string }> {
  const crlf = text.replace(/\n/g, '\r\n');
  return {
    'UTF-8': { bytes: Buffer.from(text, 'utf8'), encoding: 'UTF-8' },
    'UTF-8 with BOM': {
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      encoding: 'UTF-8 (BOM)',
    },
    'UTF-8, CRLF': { bytes: Buffer.from(crlf, 'utf8'), encoding: 'UTF-8' },
    'UTF-16LE with BOM': { bytes: iconv.encode(text, 'utf-16le', { addBOM: true }), encoding: 'UTF-16LE' },
    'UTF-16LE without BOM': { bytes: iconv.encode(text, 'utf-16le'), encoding: 'UTF-16LE' },
    'UTF-16LE, CRLF': { bytes: iconv.encode(crlf, 'utf-16le', { addBOM: true }), encoding: 'UTF-16LE' },
    'UTF-16BE with BOM': { bytes: iconv.encode(text, 'utf-16be', { addBOM: true }), encoding: 'UTF-16BE' },
    GB18030: { bytes: iconv.encode(text, 'gb18030'), encoding: 'GB18030' },
    'GB18030, CRLF': { bytes: iconv.encode(crlf, 'gb18030'), encoding: 'GB18030' },
  };
}

const reports = {
  [SEEDS[2] as string]: seedBytes(SEEDS[2] as string).toString('utf8'),
  'hostile-report.txt': readFileSync(join(FIXTURES, 'hostile-report.txt'), 'utf8'),
};

describe.each(Object.entries(reports))('%s in every encoding', (_name, text) => {
  const all = variants(text);
  const reference = buildDraft(all['UTF-8']!.bytes, vocabularies);

  it.each(Object.entries(all))('%s: detected, and the same article', (_variant, { bytes, encoding }) => {
    expect(decodeSource(bytes).encoding).toBe(encoding);
    const draft = buildDraft(bytes, vocabularies);
    expect(draft.id).toBe(reference.id);
    expect(draft.mdx).toBe(reference.mdx);
  });

  it('reads GBK (a subset of GB18030) the same way', () => {
    // GBK lacks a few characters (▶); the seed with them is not in this list.
    const gbk = iconv.encode(text, 'gbk');
    expect(iconv.decode(gbk, 'gbk')).toBe(text);
    expect(buildDraft(gbk, vocabularies).mdx).toBe(reference.mdx);
  });
});

describe('the importer command in every encoding', () => {
  const projects: ReturnType<typeof tempProject>[] = [];
  afterAll(() => projects.forEach((p) => p.remove()));

  it('writes identical articles, keeps each original byte for byte and says which encoding it read', () => {
    const text = reports['hostile-report.txt'] as string;
    const articles = Object.entries(variants(text)).map(([variant, { bytes, encoding }]) => {
      const project = tempProject();
      projects.push(project);
      const file = join(project.dir, 'incoming.txt');
      writeFileSync(file, bytes);
      const run = runImport([file, '--root', project.dir, '--id', 'encoding-test']);
      expect(run.status, `${variant}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(
        `编码 / encoding:   ${encoding === 'GB18030' ? 'GB18030（兼容 GBK/GB2312）' : encoding}`,
      );
      expect(readFileSync(join(project.dir, 'public/originals/encoding-test.txt')).equals(bytes)).toBe(true);
      return readFileSync(join(project.dir, 'content/reports/encoding-test.mdx'), 'utf8');
    });
    expect(new Set(articles).size).toBe(1);
    expect(readImported(join(projects[0]!.dir, 'content/reports/encoding-test.mdx')).data.title).toBe(
      '南通市总工会“职工之家”建设{新}进展 <<调查>>',
    );
  });
});

describe('files that are not text in a supported encoding', () => {
  it.each([
    ['empty', Buffer.alloc(0), 'empty', /文件为空/],
    ['whitespace only', Buffer.from(' \n\t\r\n　\n', 'utf8'), 'empty', /文件为空/],
    ['a BOM and nothing else', Buffer.from([0xef, 0xbb, 0xbf]), 'empty', /文件为空/],
    [
      'binary (PNG header)',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'binary',
      /二进制/,
    ],
    ['binary (control characters)', Buffer.from('正文\u0007\u0008\u001b[0m', 'utf8'), 'binary', /二进制/],
    ['Latin-1', Buffer.from('Café au lait, naïve façade — déjà vu.\n', 'latin1'), 'undecodable', /无法识别文件编码/],
    [
      'broken UTF-8 and GB18030',
      Buffer.from([0xe4, 0xb8, 0x41, 0x80, 0xff, 0x41, 0x42, 0x0a]),
      'undecodable',
      /无法识别文件编码/,
    ],
    [
      'UTF-16 with a lone surrogate',
      Buffer.from([0xff, 0xfe, 0x2d, 0x4e, 0x00, 0xd8, 0x0a, 0x00]),
      'undecodable',
      /无法识别文件编码/,
    ],
  ])('%s is refused', (_name, bytes, code, message) => {
    let error: unknown;
    try {
      decodeSource(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).code).toBe(code);
    expect((error as DecodeError).message).toMatch(message);
  });
});

describe('UTF-16 without a byte-order mark', () => {
  it('is recognised by decoding and validating, even where 一 and 开 put zero bytes at even offsets', () => {
    // 一 is U+4E00, 开 U+5F00: in UTF-16LE their low byte (first) is zero, as an ASCII high byte would be.
    const text = '一开始，一线职工开会。一年一度，开工开业，一以贯之。\n'.repeat(20);
    const le = iconv.encode(text, 'utf-16le');
    const evenZeros = [...le].filter((b, i) => b === 0 && i % 2 === 0).length;
    expect(evenZeros).toBeGreaterThan(0);
    expect(decodeSource(le)).toEqual({ text, encoding: 'UTF-16LE' });
    expect(decodeSource(iconv.encode(text, 'utf-16be'))).toEqual({ text, encoding: 'UTF-16BE' });
  });

  it('reads every seed in UTF-16LE and UTF-16BE without a mark as the same text', () => {
    for (const seed of SEEDS) {
      const text = seedBytes(seed).toString('utf8');
      for (const encoding of ['utf-16le', 'utf-16be'] as const)
        expect(decodeSource(iconv.encode(text, encoding)).text, `${seed} ${encoding}`).toBe(text);
    }
  });

  it('is still refused as binary when it does not read as text either way', () => {
    const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256));
    expect(() => decodeSource(binary)).toThrow(/二进制文件[^]*looks binary/);
  });
});

describe('a broken UTF-8 file', () => {
  it('says what is wrong and at which byte', () => {
    const bytes = Buffer.from('南通市总工会新建职工书屋。', 'utf8');
    expect(() => decodeSource(bytes.subarray(0, bytes.length - 1))).toThrow(
      new RegExp(`在末尾被截断：第 ${bytes.length - 2} 字节`),
    );
    const invalid = Buffer.concat([
      Buffer.from('南通市总工会', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from('书屋', 'utf8'),
    ]);
    expect(() => decodeSource(invalid)).toThrow(/第 19 字节（第 1 行）不是有效的 UTF-8（0xFF）[^]*byte 19/);
  });
});
