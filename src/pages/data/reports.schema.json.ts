import type { APIRoute } from 'astro';
import { reportsSchema } from '../../lib/open-data/index.ts';
import { absoluteUrl } from '../../lib/urls.ts';

/** JSON Schema (draft 2020-12) of reports.json. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    `${JSON.stringify(
      reportsSchema((path) => absoluteUrl(path, site)),
      null,
      2,
    )}\n`,
    {
      headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
    },
  );
