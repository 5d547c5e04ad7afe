import type { APIRoute } from 'astro';
import { loadArchive } from '../../lib/archive.ts';
import { documentJson, gzipText, reportRecords, reportsDocument } from '../../lib/open-data/index.ts';
import { absoluteUrl } from '../../lib/urls.ts';

/** Metadata of every report (schema: reports.schema.json), gzipped. */
export const GET: APIRoute = async ({ site }) => {
  const urlOf = (path: string) => absoluteUrl(path, site);
  const { reports, ...envelope } = reportsDocument(reportRecords(await loadArchive(), urlOf), urlOf);
  return new Response(await gzipText(documentJson(envelope, 'reports', reports)), {
    headers: { 'Content-Type': 'application/gzip' },
  });
};
