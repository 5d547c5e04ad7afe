import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive.ts';
import { eachStatisticRecord, gzipText, statisticsCsvChunks } from '../../lib/open-data/index.ts';
import { absoluteUrl } from '../../lib/urls.ts';

/** The same rows as statistics.json, as CSV with a BOM (schema of a row: statistics.csv.schema.json), gzipped. */
export const GET: APIRoute = async ({ site }) => {
  const records = eachStatisticRecord(await loadArchive(), (path) => absoluteUrl(path, site));
  return new Response(await gzipText(statisticsCsvChunks(records)), {
    headers: { 'Content-Type': 'application/gzip' },
  });
};
