import { schemaRoute, statisticsSchema } from '../../lib/open-data/index.ts';

/** JSON Schema (draft 2020-12) of statistics.json. */
export const GET = schemaRoute(statisticsSchema);
