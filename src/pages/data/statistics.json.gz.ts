import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive.ts';
import {
  documentJson,
  eachStatisticRecord,
  gzipText,
  statisticCount,
  statisticsEnvelope,
} from '../../lib/open-data/index.ts';
import { absoluteUrl } from '../../lib/urls.ts';

/** Every statistic of the reviewed reports, one record each (schema: statistics.schema.json), gzipped. */
export const GET: APIRoute = async ({ site }) => {
  const urlOf = (path: string) => absoluteUrl(path, site);
  const archive = await loadArchive();
  const text = documentJson(
    statisticsEnvelope(statisticCount(archive), urlOf),
    'statistics',
    eachStatisticRecord(archive, urlOf),
  );
  return new Response(await gzipText(text), {
    headers: { 'Content-Type': 'application/gzip' },
  });
};
