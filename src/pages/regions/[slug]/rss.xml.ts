import type { APIRoute, GetStaticPaths } from 'astro';
import { regionFeedTitle } from '../../../consts.ts';
import { loadArchive, reportsInRegion } from '../../../lib/archive.ts';
import { reportFeed } from '../../../lib/feed.ts';
import { routes } from '../../../lib/urls.ts';

/** A feed per region page: the newest reports of the region and its sub-regions, as the page lists them. */
export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return archive.regionNodes.map((node) => ({ params: { slug: node.id }, props: { name: node.name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }, { slug: string }> = async ({ params, props, site }) => {
  const archive = await loadArchive();
  return reportFeed({
    title: regionFeedTitle(props.name),
    description: `${props.name}及其下级地区工会工作报道的新收报道。`,
    reports: reportsInRegion(archive, params.slug),
    archive,
    site,
    page: routes.region(params.slug),
  });
};
