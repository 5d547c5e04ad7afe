import { describe, expect, it } from 'vitest';
import { joinBase, normalizeBase, normalizeSite } from '../../src/lib/paths.ts';

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['union-archive', '/union-archive/'],
    ['/union-archive', '/union-archive/'],
    ['/union-archive/', '/union-archive/'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeBase(raw)).toBe(expected);
  });

  it('refuses a base with non-ASCII characters', () => {
    expect(() => normalizeBase('/工会/')).toThrow(/BASE_PATH/);
  });
});

describe('normalizeSite', () => {
  it('keeps only the origin', () => {
    expect(normalizeSite('https://example.github.io/repo/', 'http://localhost')).toBe('https://example.github.io');
    expect(normalizeSite(undefined, 'http://localhost:4321')).toBe('http://localhost:4321');
  });
});

describe('joinBase under a non-root base', () => {
  const base = '/union-archive/';
  it.each([
    ['/', '/union-archive/'],
    ['/reports/abc', '/union-archive/reports/abc/'],
    ['/reports/abc/', '/union-archive/reports/abc/'],
    ['regions/hohhot/#top', '/union-archive/regions/hohhot/#top'],
    ['/search/?q=职工', '/union-archive/search/?q=职工'],
    ['/originals/000_a.txt', '/union-archive/originals/000_a.txt'],
    ['/data/statistics.csv', '/union-archive/data/statistics.csv'],
    ['https://example.org/x', 'https://example.org/x'],
    ['#stat-1', '#stat-1'],
  ])('%s → %s', (path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });

  it('works at the root too', () => {
    expect(joinBase('/', '/reports/abc')).toBe('/reports/abc/');
  });
});
