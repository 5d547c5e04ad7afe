import type { APIRoute } from 'astro';
import { FEED_TITLE } from '../consts.ts';
import { loadArchive } from '../lib/archive.ts';
import { reportFeed } from '../lib/feed.ts';
import { routes } from '../lib/urls.ts';

/** Feed of the newest reports, newest first, with the editorial summary as description. */
export const GET: APIRoute = async ({ site }) => {
  const archive = await loadArchive();
  return reportFeed({
    title: FEED_TITLE,
    description: '各地工会工作报道全文档案的新收报道。',
    reports: archive.reports,
    archive,
    site,
    page: routes.home(),
  });
};
