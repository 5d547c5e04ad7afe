/**
 * Page links of a paginated list: always the first, the last, the current page and its neighbours; every
 * page is reachable by following links; the number of links does not grow with the list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageWindow } from '../../src/lib/pagination.ts';

describe('pageWindow', () => {
  it('lists pages in order with the first, last and current two either side, gaps only where pages are left out', () => {
    let withGaps = 0;
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2000 })
          .chain((last) => fc.tuple(fc.integer({ min: 1, max: last }), fc.constant(last))),
        ([current, last]) => {
          const links = pageWindow(current, last);
          const numbers = links.filter((l): l is number => l !== 'gap');
          const expected = new Set([
            1,
            last,
            ...[-2, -1, 0, 1, 2].map((d) => current + d).filter((n) => n >= 1 && n <= last),
          ]);
          for (const n of expected) expect(numbers).toContain(n);
          expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
          // A gap stands exactly where the numbers jump, and never hides a single page.
          const jumps = numbers.slice(1).map((n, i) => n - numbers[i]!);
          expect(links).toEqual(numbers.flatMap((n, i) => (i > 0 && jumps[i - 1]! > 1 ? ['gap', n] : [n])));
          expect(jumps.filter((d) => d === 2)).toEqual([]);
          withGaps += Number(links.includes('gap'));
          expect(links.length).toBeLessThanOrEqual(9);
        },
      ),
      { seed: 14, numRuns: 500 },
    );
    // The gap checks ran on lists that have gaps.
    expect(withGaps).toBeGreaterThan(0);
  });

  it('from any page, following links reaches every page', () => {
    const last = 137;
    const seen = new Set([1]);
    const queue = [1];
    while (queue.length) {
      const page = queue.pop()!;
      for (const next of [page - 1, page + 1, ...pageWindow(page, last)]) {
        if (typeof next === 'number' && next >= 1 && next <= last && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(seen.size).toBe(last);
  });
});
