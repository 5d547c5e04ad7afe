/**
 * href(): every route's link carries the base path, under a non-root base as on GitHub Pages, and equals
 * joining the base and the route's site path by hand.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { joinBase } from '../../src/lib/paths.ts';
import { href, routes } from '../../src/lib/urls.ts';

afterEach(() => vi.unstubAllEnvs());

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);

describe('href under a non-root base', () => {
  it.each(['/union-archive/', '/a/b/'])('prefixes %s to every route', (base) => {
    vi.stubEnv('BASE_URL', base);
    fc.assert(
      fc.property(slug, fc.integer({ min: 1900, max: 2100 }), (id, year) => {
        const links: [string, string][] = [
          [href('home'), routes.home()],
          [href('report', id), routes.report(id)],
          [href('reports'), routes.reports()],
          [href('region', id), routes.region(id)],
          [href('regions'), routes.regions()],
          [href('year', year), routes.year(year)],
          [href('years'), routes.years()],
          [href('topic', id), routes.topic(id)],
          [href('topics'), routes.topics()],
          [href('search'), routes.search()],
          [href('data'), routes.data()],
          [href('metric', id), routes.metric(id)],
          [href('original', `${id}.txt`), routes.original(`${id}.txt`)],
        ];
        for (const [link, path] of links) {
          expect(link).toBe(joinBase(base, path));
          expect(link.startsWith(base)).toBe(true);
          expect(link).toBe(`${base}${path.slice(1)}`);
        }
      }),
      { seed: 43, numRuns: 50 },
    );
  });
});
