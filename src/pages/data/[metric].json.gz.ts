import type { APIRoute, GetStaticPaths } from 'astro';
import { exportUrl, loadArchive, loadMetricExportRecords } from '../../lib/archive.ts';
import { metricStatisticsJsonGz, type MetricName, type StatisticRecord } from '../../lib/open-data/index.ts';

/** Every metric's records of statistics.json.gz, beside its page, as a document of the same schema, gzipped. */
export const getStaticPaths = (async () => {
  const [archive, byMetric] = await Promise.all([loadArchive(), loadMetricExportRecords()]);
  return [...archive.metrics.values()].map((metric) => ({
    params: { metric: metric.id },
    props: { metric: { id: metric.id, name: metric.data.name }, records: byMetric.get(metric.id) ?? [] },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ metric: MetricName; records: StatisticRecord[] }> = async ({ props }) =>
  new Response(await metricStatisticsJsonGz(props.metric, props.records, exportUrl), {
    headers: { 'Content-Type': 'application/gzip' },
  });
