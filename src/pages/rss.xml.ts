import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { FEED_SIZE, FEED_TITLE } from '../consts.ts';
import { loadArchive } from '../lib/archive.ts';
import { absoluteUrl, routes } from '../lib/urls.ts';

/** Feed of the newest reports, newest first, with the editorial summary as description. */
export const GET: APIRoute = async ({ site }) => {
  const archive = await loadArchive();
  return rss({
    title: FEED_TITLE,
    description: '各地工会工作报道全文档案的新收报道。',
    site: absoluteUrl(routes.home(), site),
    customData: '<language>zh-CN</language>',
    items: archive.reports.slice(0, FEED_SIZE).map((report) => ({
      title: report.data.title,
      link: absoluteUrl(routes.report(report.id), site),
      description: report.data.summary,
      pubDate: new Date(`${report.date?.value ?? report.year}`.padEnd(10, '-01').slice(0, 10)),
      categories: report.topics.map((t) => archive.topics.get(t)?.data.name ?? t),
    })),
  });
};
