/**
 * Crawl of the site built under a non-root base path: every internal link, asset and #fragment
 * resolves; every report is reachable from its region, year and topic pages; one h1 and lang="zh-CN"
 * on every page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { builtReports, htmlFiles, page, siteDir } from '../helpers/site.ts';

const base = inject('siteBase');
const SITE = 'https://archive.example.org';
const reports = builtReports();

/** The URL path a built file is served at. */
function urlOf(file: string): string {
  return `${base}${file.replace(/index\.html$/, '')}`;
}

/** The built file a URL path resolves to, or undefined. */
function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const relative = decodeURIComponent(pathname.slice(base.length));
  const candidate = join(siteDir(), relative);
  if (relative === '' || relative.endsWith('/')) {
    return existsSync(join(candidate, 'index.html')) ? join(relative, 'index.html') : undefined;
  }
  return existsSync(candidate) && statSync(candidate).isFile() ? relative : undefined;
}

const pages = htmlFiles();
const ids = new Map(
  pages.map((file) => [
    file,
    new Set(
      page(file)('[id]')
        .map((_, el) => el.attribs.id)
        .get(),
    ),
  ]),
);

describe('the built site under a base path', () => {
  it('has pages to crawl', () => {
    expect(pages.length).toBeGreaterThan(reports.length);
  });

  it('resolves every internal link, asset and fragment', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const $ = page(file);
      const pageUrl = new URL(urlOf(file), SITE);
      const refs = [
        ...$('a[href]')
          .map((_, el) => el.attribs.href)
          .get(),
        ...$('link[href]')
          .map((_, el) => el.attribs.href)
          .get(),
        ...$('script[src]')
          .map((_, el) => el.attribs.src)
          .get(),
        ...$('img[src]')
          .map((_, el) => el.attribs.src)
          .get(),
        ...$('form[action]')
          .map((_, el) => el.attribs.action)
          .get(),
      ];
      for (const ref of refs) {
        const url = new URL(ref, pageUrl);
        if (url.origin !== SITE) continue;
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${file}: ${ref}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target.endsWith('.html') && !ids.get(target)?.has(fragment)) {
          broken.push(`${file}: ${ref} (no #${fragment})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('links only under the base path (no root-relative link escapes it)', () => {
    const escaping: string[] = [];
    for (const file of pages) {
      const $ = page(file);
      $('a[href], link[href], script[src], form[action]').each((_, el) => {
        const ref = el.attribs.href ?? el.attribs.src ?? el.attribs.action ?? '';
        if (ref.startsWith('/') && !ref.startsWith(base)) escaping.push(`${file}: ${ref}`);
      });
    }
    expect(escaping).toEqual([]);
  });

  it('has one h1 and lang="zh-CN" on every page', () => {
    for (const file of pages) {
      const $ = page(file);
      expect($('html').attr('lang'), file).toBe('zh-CN');
      expect($('h1').length, file).toBe(1);
    }
  });

  it('reaches every report from its region page, its year page and each of its topic pages', () => {
    /** All pages of a paginated list: /x/, /x/2/, … */
    const listPages = (route: string) => pages.filter((f) => new RegExp(`^${route}(\\d+/)?index\\.html$`).test(f));
    const linkedFrom = (route: string) =>
      new Set(
        listPages(route).flatMap((f) =>
          page(f)('a[href]')
            .map((_, el) => el.attribs.href)
            .get(),
        ),
      );
    for (const report of reports) {
      const href = `${base}reports/${report.id}/`;
      const { region, year, topics } = report.data;
      expect(listPages(`regions/${region}/`).length, `region page of ${report.id}`).toBeGreaterThan(0);
      expect(linkedFrom(`regions/${region}/`).has(href), `${report.id} from its region page`).toBe(true);
      expect(linkedFrom(`years/${year}/`).has(href), `${report.id} from its year page`).toBe(true);
      for (const topic of topics) {
        expect(linkedFrom(`topics/${topic}/`).has(href), `${report.id} from topic ${topic}`).toBe(true);
      }
    }
  });

  it('chains reports in time: next and previous point at each other, oldest to newest', () => {
    const neighbour = (id: string, rel: 'prev' | 'next') =>
      page(`reports/${id}/index.html`)(`.prev-next a[rel="${rel}"]`)
        .attr('href')
        ?.replace(`${base}reports/`, '')
        .replace(/\/$/, '');
    const oldest = reports.filter((r) => !neighbour(r.id, 'prev'));
    expect(oldest).toHaveLength(1);
    const chain = [oldest[0]!.id];
    for (let next = neighbour(chain[0]!, 'next'); next; next = neighbour(next, 'next')) {
      expect(neighbour(next, 'prev')).toBe(chain.at(-1));
      chain.push(next);
    }
    expect([...chain].sort()).toEqual(reports.map((r) => r.id).sort());
    const years = chain.map((id) => reports.find((r) => r.id === id)!.data.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it('links every statistic in a report panel to its quote in the body', () => {
    for (const report of reports) {
      const $ = page(`reports/${report.id}/index.html`);
      const links = $('.stats-panel td.num a')
        .map((_, el) => el.attribs.href)
        .get();
      expect(links.length).toBe(report.data.stats?.length ?? 0);
      for (const [i, href] of links.entries()) {
        const quote = report.data.stats?.[i]?.quote ?? '';
        const mark = $(href ?? '');
        expect(mark.length, `${report.id} ${href}`).toBe(1);
        expect($(mark).text().length).toBeGreaterThan(0);
        // The anchored text is the quote (a mark may be split by inline elements).
        expect(quote.startsWith($(mark).text()), `${report.id} ${href}`).toBe(true);
      }
    }
  });

  it('publishes a sitemap, the RSS feeds and robots.txt with absolute URLs under the base', () => {
    const read = (pathname: string) => {
      const file = fileFor(pathname);
      expect(file, pathname).toBeDefined();
      return readFileSync(join(siteDir(), file!), 'utf8');
    };
    /** The absolute URLs of a file, each of which must lie under the site and base and resolve to a built file. */
    const urlsIn = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);
    const resolves = (url: string) => {
      expect(url.startsWith(`${SITE}${base}`), url).toBe(true);
      expect(fileFor(new URL(url).pathname), url).toBeDefined();
    };

    // robots.txt names the sitemap index; the index names the sitemaps; they list every page but the 404.
    const robots = read(`${base}robots.txt`);
    const sitemapIndex = urlsIn(robots, /^Sitemap: (\S+)$/gm);
    expect(sitemapIndex).toEqual([`${SITE}${base}sitemap-index.xml`]);
    const sitemaps = urlsIn(read(`${base}sitemap-index.xml`), /<loc>([^<]+)<\/loc>/g);
    expect(sitemaps.length).toBeGreaterThan(0);
    sitemaps.forEach(resolves);
    const listed = sitemaps.flatMap((url) => urlsIn(read(new URL(url).pathname), /<loc>([^<]+)<\/loc>/g));
    listed.forEach(resolves);
    expect(new Set(listed)).toEqual(new Set(pages.filter((f) => f !== '404.html').map((f) => `${SITE}${urlOf(f)}`)));

    // The feed links every item to a report page under the base.
    const items = urlsIn(read(`${base}rss.xml`), /<link>([^<]+)<\/link>/g).filter((url) => url.includes('/reports/'));
    expect(items.length).toBe(Math.min(reports.length, 50));
    items.forEach(resolves);
    // So do the feeds of the region and topic pages (tests/site/feeds.test.ts checks what they list).
    const listFeeds = pages
      .filter((f) => /^(regions|topics)\/[^/]+\/index\.html$/.test(f))
      .map((f) => `${base}${f.replace(/index\.html$/, 'rss.xml')}`);
    expect(listFeeds.length).toBeGreaterThan(0);
    for (const feed of listFeeds) urlsIn(read(feed), /<link>([^<]+)<\/link>/g).forEach(resolves);

    const $ = page('index.html');
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}${base}`);
  });
});
