import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive';
import { reportRecords, reportsDocument } from '../../lib/open-data';
import { absoluteUrl } from '../../lib/urls';

/** Metadata of every report (schema: reports.schema.json). */
export const GET: APIRoute = async ({ site }) => {
  const urlOf = (path: string) => absoluteUrl(path, site);
  const records = reportRecords(await loadArchive(), urlOf);
  return new Response(`${JSON.stringify(reportsDocument(records, urlOf), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
