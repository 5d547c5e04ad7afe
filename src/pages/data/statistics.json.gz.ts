import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive';
import { documentJson, gzipText, statisticRecords, statisticsDocument } from '../../lib/open-data';
import { absoluteUrl } from '../../lib/urls';

/** Every statistic of the reviewed reports, one record each (schema: statistics.schema.json), gzipped. */
export const GET: APIRoute = async ({ site }) => {
  const urlOf = (path: string) => absoluteUrl(path, site);
  const document = statisticsDocument(statisticRecords(await loadArchive(), urlOf), urlOf);
  return new Response(await gzipText(documentJson(document, 'statistics')), {
    headers: { 'Content-Type': 'application/gzip' },
  });
};
