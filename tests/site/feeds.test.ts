/**
 * The feeds of each region and topic: exactly the newest 50 (or all) of the reports its page lists,
 * newest first, each linking to its report page; the page names its feed in the head and links it.
 * The expectations come from the fixture archive's files, not from the site's code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { builtReports, builtVocabulary, htmlFiles, page, siteDir } from '../helpers/site.ts';

const base = inject('siteBase');
const SITE = 'https://archive.example.org';
const FEED_SIZE = 50;
const reports = builtReports();
const regions = builtVocabulary('regions');
const topics = builtVocabulary('topics');

/** A region and every region above it. */
function lineage(region: string): string[] {
  const parent = regions.get(region)?.parent as string | undefined;
  return parent ? [region, ...lineage(parent)] : [region];
}

/** Newest first: by the most precise date known (`2024` before `2024-09`), ties by id, as the archive sorts. */
const dateKey = (r: (typeof reports)[number]) => String(r.data.date?.value ?? r.data.year);
const newestFirst = [...reports].sort((a, b) => dateKey(b).localeCompare(dateKey(a)) || b.id.localeCompare(a.id));

/** The expected item links of a feed over these reports. */
const expectedLinks = (selected: typeof reports) =>
  selected.slice(0, FEED_SIZE).map((r) => `${SITE}${base}reports/${r.id}/`);

function feedItems(path: string): { title: string; link: string }[] {
  const $ = load(readFileSync(join(siteDir(), path), 'utf8'), { xml: true });
  return $('channel > item')
    .map((_, item) => ({ title: $(item).children('title').text(), link: $(item).children('link').text() }))
    .get();
}

const regionIds = [...new Set(reports.flatMap((r) => lineage(r.data.region)))];
const cases = [
  ...regionIds.map((id) => ({
    kind: 'regions',
    id,
    name: String(regions.get(id)?.name),
    reports: newestFirst.filter((r) => lineage(r.data.region).includes(id)),
  })),
  ...[...topics.keys()].map((id) => ({
    kind: 'topics',
    id,
    name: String(topics.get(id)?.name),
    reports: newestFirst.filter((r) => r.data.topics.includes(id)),
  })),
];

describe('region and topic feeds', () => {
  it('are tested for every region page (regions with reports and their ancestors) and every topic page', () => {
    expect(regionIds).toContain('china');
    const listPages = (kind: string) =>
      htmlFiles()
        .filter((f) => new RegExp(`^${kind}/[^/]+/index\\.html$`).test(f))
        .map((f) => f.split('/')[1]);
    expect(listPages('regions').sort()).toEqual([...regionIds].sort());
    expect(listPages('topics').sort()).toEqual([...topics.keys()].sort());
  });

  it.each(cases)('/$kind/$id/rss.xml lists its newest reports, newest first, linking each', (c) => {
    const items = feedItems(`${c.kind}/${c.id}/rss.xml`);
    expect(items.map((i) => i.link)).toEqual(expectedLinks(c.reports));
    const titles = new Map(reports.map((r) => [`${SITE}${base}reports/${r.id}/`, r.data.title]));
    for (const item of items) expect(item.title).toBe(titles.get(item.link));
  });

  it.each(cases)('/$kind/$id/ names its feed in the head and links it on the page', (c) => {
    const $ = page(`${c.kind}/${c.id}/index.html`);
    const feed = `${base}${c.kind}/${c.id}/rss.xml`;
    const alternate = $(`head link[rel="alternate"][type="application/rss+xml"][href="${feed}"]`);
    expect(alternate).toHaveLength(1);
    expect(alternate.attr('title')).toContain(c.name);
    const channel = load(readFileSync(join(siteDir(), `${c.kind}/${c.id}/rss.xml`), 'utf8'), { xml: true });
    expect(channel('channel > title').text()).toBe(alternate.attr('title'));
    expect(channel('channel > link').text()).toBe(`${SITE}${base}${c.kind}/${c.id}/`);
    expect($(`main a[href="${feed}"]`).length).toBeGreaterThan(0);
  });

  it('the site feed keeps the same item shape', () => {
    expect(feedItems('rss.xml').map((i) => i.link)).toEqual(expectedLinks(newestFirst));
  });
});
