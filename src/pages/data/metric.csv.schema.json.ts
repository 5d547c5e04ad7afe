import { metricCsvSchema, schemaRoute } from '../../lib/open-data/index.ts';

/** JSON Schema (draft 2020-12) of a row of a metric's CSV (/data/<metric>.csv). */
export const GET = schemaRoute(metricCsvSchema);
