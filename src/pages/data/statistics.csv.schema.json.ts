import { schemaRoute, statisticsCsvSchema } from '../../lib/open-data/index.ts';

/** JSON Schema (draft 2020-12) of a row of statistics.csv. */
export const GET = schemaRoute(statisticsCsvSchema);
