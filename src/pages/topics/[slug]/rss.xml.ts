import type { APIRoute, GetStaticPaths } from 'astro';
import { topicFeedTitle } from '../../../consts.ts';
import { loadArchive, reportsOnTopic } from '../../../lib/archive.ts';
import { reportFeed } from '../../../lib/feed.ts';
import { routes } from '../../../lib/urls.ts';

/** A feed per topic page: the newest reports on the topic. */
export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return [...archive.topics.values()].map((topic) => ({
    params: { slug: topic.id },
    props: { name: topic.data.name },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string }, { slug: string }> = async ({ params, props, site }) => {
  const archive = await loadArchive();
  return reportFeed({
    title: topicFeedTitle(props.name),
    description: `主题“${props.name}”下工会工作报道的新收报道。`,
    reports: reportsOnTopic(archive, params.slug),
    archive,
    site,
    page: routes.topic(params.slug),
  });
};
