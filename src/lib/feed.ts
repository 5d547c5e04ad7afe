/**
 * The RSS feeds: the site's (src/pages/rss.xml.ts) and each region's and topic's
 * (src/pages/regions/[slug]/rss.xml.ts, src/pages/topics/[slug]/rss.xml.ts). One item shape for all:
 * the report's title, canonical URL, editorial summary, date and topic names.
 */
import rss from '@astrojs/rss';
import { FEED_SIZE } from '../consts.ts';
import type { Archive, Report } from './archive.ts';
import { absoluteUrl, routes } from './urls.ts';

export interface FeedOptions {
  title: string;
  description: string;
  /** Newest first, as the archive lists them; the feed takes the first FEED_SIZE. */
  reports: readonly Report[];
  archive: Archive;
  /** The site's origin (Astro's `site`). */
  site: URL | undefined;
  /** The page the feed is about (its channel link). */
  page: string;
}

/** A feed of the newest of `reports`. */
export function reportFeed({ title, description, reports, archive, site, page }: FeedOptions): Promise<Response> {
  return rss({
    title,
    description,
    site: absoluteUrl(page, site),
    customData: '<language>zh-CN</language>',
    items: reports.slice(0, FEED_SIZE).map((report) => ({
      title: report.data.title,
      link: absoluteUrl(routes.report(report.id), site),
      description: report.data.summary,
      pubDate: new Date(`${report.date?.value ?? report.year}`.padEnd(10, '-01').slice(0, 10)),
      categories: report.topics.map((t) => archive.topics.get(t)?.data.name ?? t),
    })),
  });
}
