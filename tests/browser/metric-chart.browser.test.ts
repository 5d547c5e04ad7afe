/**
 * A metric chart as a reader uses it in Chromium: the marks drawn (one per value of the metric in the
 * fixture archive's frontmatter, the oracle), reached with the keyboard, and followed to the quote they
 * stand for on the report page. The built HTML is checked in full by tests/site/metric-charts.test.ts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StatEntry } from '../../src/schemas/index.ts';
import { openSite, type BrowserSite } from '../helpers/browser-site.ts';
import { builtReports, siteDir } from '../helpers/site.ts';

let site: BrowserSite;
beforeAll(async () => {
  site = await openSite(siteDir(), inject('siteBase'));
});
afterAll(() => site?.close());

/** The oracle: per metric, the quotes of its values in reviewed reports. */
const quotesByMetric = new Map<string, string[]>();
for (const report of builtReports().filter((r) => r.data.reviewed !== false)) {
  for (const stat of (report.data.stats ?? []) as StatEntry[]) {
    quotesByMetric.set(stat.metric, [...(quotesByMetric.get(stat.metric) ?? []), stat.quote]);
  }
}
/** The three metrics with the most values (ties by id), so several regions and years are drawn. */
const sampled = [...quotesByMetric].sort(([a, qa], [b, qb]) => qb.length - qa.length || a.localeCompare(b)).slice(0, 3);

describe('a metric chart in the browser', () => {
  it.each(sampled)(
    '%s: draws a visible mark per value; the first mark, by keyboard, opens its quote',
    async (metric, quotes) => {
      const visit = await site.visit(`data/${metric}/`);
      const { page } = visit;
      const marks = page.locator('main svg a[data-mark]');
      expect(await marks.count()).toBe(quotes.length);
      for (const box of await Promise.all((await marks.all()).map((mark) => mark.boundingBox()))) {
        expect(box!.width * box!.height).toBeGreaterThan(0);
      }
      // A mark is a link: it takes the keyboard focus, and Enter follows it to the quote.
      const first = marks.first();
      const href = await first.getAttribute('href');
      await first.focus();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-mark'))).toBe(
        await first.getAttribute('data-mark'),
      );
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.href.endsWith(href!));
      const target = await page.evaluate(() => document.querySelector(':target')?.textContent ?? '');
      expect(target.length).toBeGreaterThan(0);
      expect(quotes.some((quote) => quote.startsWith(target))).toBe(true);
      expect(await visit.problems()).toEqual([]);
    },
  );
});
