import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive';
import { statisticRecords, statisticsCsv } from '../../lib/open-data';
import { absoluteUrl } from '../../lib/urls';

/** The same rows as statistics.json, as CSV with a BOM (schema of a row: statistics.csv.schema.json). */
export const GET: APIRoute = async ({ site }) => {
  const records = statisticRecords(await loadArchive(), (path) => absoluteUrl(path, site));
  return new Response(statisticsCsv(records), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
