/**
 * reportFeed over more reports than a feed holds (the fixture archive has fewer than FEED_SIZE in any
 * region or topic, so the site tests never see the cut): the first FEED_SIZE, in the order given.
 */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { FEED_SIZE } from '../../src/consts.ts';
import type { Archive, Report } from '../../src/lib/archive.ts';
import { reportFeed } from '../../src/lib/feed.ts';

/** The origin (Astro's `site`); the base path is the unit tests' '/'. */
const SITE = new URL('https://archive.example.org');

/** A report as the feed reads it: id, title, summary, date or year, topics. */
function report(n: number): Report {
  const year = 2000 + (n % 25);
  const data = {
    title: `第${n}篇报道`,
    summary: `第${n}篇的摘要。`,
    date: n % 2 ? { value: `${year}-0${1 + (n % 9)}` } : undefined,
  };
  return { id: `report-${n}`, data, year, date: data.date, topics: ['assistance'] } as unknown as Report;
}

const archive = { topics: new Map([['assistance', { data: { name: '困难职工帮扶' } }]]) } as unknown as Archive;

async function items(count: number) {
  const reports = Array.from({ length: count }, (_, i) => report(i + 1));
  const response = await reportFeed({
    title: '订阅',
    description: '说明',
    reports,
    archive,
    site: SITE,
    page: '/topics/assistance/',
  });
  const $ = load(await response.text(), { xml: true });
  const found = $('channel > item')
    .map((_, item) => ({
      title: $(item).children('title').text(),
      link: $(item).children('link').text(),
      category: $(item).children('category').text(),
    }))
    .get();
  return { reports, found };
}

describe('reportFeed', () => {
  it(`holds the first ${FEED_SIZE} of more reports, in the order given`, async () => {
    const { reports, found } = await items(FEED_SIZE + 13);
    expect(found).toEqual(
      reports.slice(0, FEED_SIZE).map((r) => ({
        title: r.data.title,
        link: `https://archive.example.org/reports/${r.id}/`,
        category: '困难职工帮扶',
      })),
    );
  });

  it('holds every report when there are fewer', async () => {
    const { reports, found } = await items(7);
    expect(found.map((item) => item.title)).toEqual(reports.map((r) => r.data.title));
  });
});
