import { schemaRoute, reportsSchema } from '../../lib/open-data/index.ts';

/** JSON Schema (draft 2020-12) of reports.json. */
export const GET = schemaRoute(reportsSchema);
