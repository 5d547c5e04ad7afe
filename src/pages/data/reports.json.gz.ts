import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive';
import { documentJson, gzipText, reportRecords, reportsDocument } from '../../lib/open-data';
import { absoluteUrl } from '../../lib/urls';

/** Metadata of every report (schema: reports.schema.json), gzipped. */
export const GET: APIRoute = async ({ site }) => {
  const urlOf = (path: string) => absoluteUrl(path, site);
  const document = reportsDocument(reportRecords(await loadArchive(), urlOf), urlOf);
  return new Response(await gzipText(documentJson(document, 'reports')), {
    headers: { 'Content-Type': 'application/gzip' },
  });
};
