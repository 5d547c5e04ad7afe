/** Which originals get a readable UTF-8 copy, and that an undecodable one fails naming its file. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { needsUtf8View, utf8View } from '../../src/lib/originals.ts';

const TEXT = '南通市总工会\n新建职工书屋27家。\n';

describe('needsUtf8View', () => {
  it('leaves UTF-8 originals, with or without a byte-order mark, as they are', () => {
    expect(needsUtf8View(Buffer.from(TEXT, 'utf8'))).toBe(false);
    expect(needsUtf8View(Buffer.from(`\uFEFF${TEXT}`, 'utf8'))).toBe(false);
  });

  it('gives GB18030 and UTF-16 originals a copy that holds the same text', () => {
    for (const bytes of [iconv.encode(TEXT, 'gb18030'), iconv.encode(TEXT, 'utf16le', { addBOM: true })]) {
      expect(needsUtf8View(bytes)).toBe(true);
      expect(utf8View('x.txt', bytes)).toBe(`\uFEFF${TEXT}`);
    }
  });

  it('sends an undecodable original to the copy, whose writing fails naming the file', () => {
    const bytes = Uint8Array.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x9f, 0x80, 0x00, 0x03]);
    expect(needsUtf8View(bytes)).toBe(true);
    expect(() => utf8View('public/originals/broken.txt', bytes)).toThrow(/public\/originals\/broken\.txt/);
  });
});
