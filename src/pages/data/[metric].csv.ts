import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive, loadMetricExportRecords } from '../../lib/archive.ts';
import { METRIC_CSV_FIELDS, statisticsCsv, type StatisticRecord } from '../../lib/open-data/index.ts';

/**
 * Every metric's rows of statistics.csv.gz in the columns of a sheet (METRIC_CSV_FIELDS), beside its page:
 * not gzipped, so a double click opens it.
 */
export const getStaticPaths = (async () => {
  const [archive, byMetric] = await Promise.all([loadArchive(), loadMetricExportRecords()]);
  return [...archive.metrics.keys()].map((id) => ({
    params: { metric: id },
    props: { records: byMetric.get(id) ?? [] },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ records: StatisticRecord[] }> = ({ props }) =>
  new Response(statisticsCsv(props.records, METRIC_CSV_FIELDS), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
