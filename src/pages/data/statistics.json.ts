import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive';
import { statisticRecords, statisticsDocument } from '../../lib/open-data';
import { absoluteUrl } from '../../lib/urls';

/** Every statistic of the archive, one record each (schema: statistics.schema.json). */
export const GET: APIRoute = async ({ site }) => {
  const urlOf = (path: string) => absoluteUrl(path, site);
  const records = statisticRecords(await loadArchive(), urlOf);
  return new Response(`${JSON.stringify(statisticsDocument(records, urlOf), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
