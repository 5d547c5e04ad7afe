/** Groupings and selections of the statistic records that the data pages show. */
import type { ArchiveInput } from './records.ts';
import type { StatisticRecord } from '../../schemas/open-data.ts';

const collator = new Intl.Collator('zh-CN');

/** When a figure applies, for display: 2013年, 2009—2014年累计, or the report's year when the text gives none. */
export function figureTime(
  record: Pick<StatisticRecord, 'year' | 'period_from' | 'period_to' | 'report_year'>,
): string {
  if (record.period_from !== null && record.period_to !== null) {
    return record.period_from === record.period_to
      ? `${record.period_from}年累计`
      : `${record.period_from}—${record.period_to}年累计`;
  }
  if (record.year !== null) return `${record.year}年`;
  return `未注明年份（${record.report_year}年报道）`;
}

/** The year a figure stands at in time: its own, the end of the period it sums, else the report's year. */
export function figureYear(record: Pick<StatisticRecord, 'year' | 'period_to' | 'report_year'>): number {
  return record.year ?? record.period_to ?? record.report_year;
}

/** Chronological by the figure's own time (figureYear), then by place. */
export function byFigureTime(a: StatisticRecord, b: StatisticRecord): number {
  return (
    figureYear(a) - figureYear(b) ||
    collator.compare(a.region_name, b.region_name) ||
    a.report_id.localeCompare(b.report_id) ||
    a.index - b.index
  );
}

export interface MetricSummary {
  id: string;
  name: string;
  unit: string;
  description: string;
  records: StatisticRecord[];
  /** Reports stating the metric, each once, in the order of their first value. */
  reports: { id: string; title: string; url: string; region_name: string; year: number }[];
}

export interface MetricCategory {
  name: string;
  metrics: MetricSummary[];
  count: number;
}

/** Every metric of the vocabulary with its values, grouped by category; the fullest categories first. */
export function metricCategories(
  archive: Pick<ArchiveInput, 'metrics'>,
  records: readonly StatisticRecord[],
): MetricCategory[] {
  const byMetric = Map.groupBy(records, (r) => r.metric);
  const categories = new Map<string, MetricSummary[]>();
  for (const [id, metric] of archive.metrics) {
    const values = (byMetric.get(id) ?? []).sort(byFigureTime);
    const reports = new Map<string, MetricSummary['reports'][number]>();
    for (const r of values) {
      if (!reports.has(r.report_id)) {
        reports.set(r.report_id, {
          id: r.report_id,
          title: r.report_title,
          url: r.report_url,
          region_name: r.region_name,
          year: r.report_year,
        });
      }
    }
    const summary: MetricSummary = {
      id,
      name: metric.data.name,
      unit: metric.data.unit,
      description: metric.data.description,
      records: values,
      reports: [...reports.values()],
    };
    const category = categories.get(metric.data.category);
    if (category) category.push(summary);
    else categories.set(metric.data.category, [summary]);
  }
  return [...categories]
    .map(([name, metrics]) => ({
      name,
      metrics: metrics.sort((a, b) => b.records.length - a.records.length || collator.compare(a.name, b.name)),
      count: metrics.reduce((sum, m) => sum + m.records.length, 0),
    }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
}

export interface Comparison {
  /** One region across years, or several regions in one year. */
  kind: 'region-years' | 'year-regions';
  metric: string;
  metric_name: string;
  /** What is held fixed: the region's name, or the year (e.g. 2013年). */
  fixed: string;
  records: StatisticRecord[];
  /** Units differ among the values: they must not be read against each other. */
  mixedUnits: boolean;
  /** Some values are approximate or bounds (多, 以上 …). */
  approximate: boolean;
}

function comparison(kind: Comparison['kind'], fixed: string, records: StatisticRecord[]): Comparison {
  const first = records[0]!;
  return {
    kind,
    metric: first.metric,
    metric_name: first.metric_name,
    fixed,
    records,
    mixedUnits: new Set(records.map((r) => r.unit)).size > 1,
    approximate: records.some((r) => r.qualifier !== null),
  };
}

/**
 * The comparisons the archive supports: the same metric for one region in two or more years, and for
 * two or more regions in one year. Only figures for a single stated year take part (cumulative figures
 * over a period are not comparable with them).
 */
export function headlineComparisons(records: readonly StatisticRecord[]): Comparison[] {
  const dated = records.filter((r) => r.year !== null && r.period_from === null);
  const groups = (key: (r: StatisticRecord) => string) => [...Map.groupBy(dated, key).values()];
  const acrossYears = groups((r) => `${r.metric}\u0000${r.region}`)
    .filter((g) => new Set(g.map((r) => r.year)).size > 1)
    .map((g) => comparison('region-years', g[0]!.region_name, g.sort(byFigureTime)));
  const acrossRegions = groups((r) => `${r.metric}\u0000${r.year}`)
    .filter((g) => new Set(g.map((r) => r.region)).size > 1)
    .map((g) => comparison('year-regions', `${g[0]!.year}年`, g.sort(byFigureTime)));
  return [...acrossYears, ...acrossRegions].sort(
    (a, b) =>
      collator.compare(a.metric_name, b.metric_name) ||
      a.kind.localeCompare(b.kind) ||
      collator.compare(a.fixed, b.fixed),
  );
}

// ---- What the pages show: bounded however large the archive ----

/** At most this many values of a metric on its page (chart and table); the exports hold them all. */
export const METRIC_PAGE_VALUES = 120;
/** At most this many headline comparisons on /data/, and rows in each. */
export const HEADLINE_COMPARISONS = 12;
export const COMPARISON_ROWS = 24;
/** At most this many report links per metric in the metric table of /data/. */
export const REPORTS_PER_METRIC = 10;

/** The last `limit` of a list in figure-time order: the most recent figures. */
export function latest<T>(items: readonly T[], limit: number): T[] {
  return items.slice(Math.max(0, items.length - limit));
}

/**
 * The comparisons /data/ leads with: those comparing the most years or regions, then the fewest values
 * (a clean series before a crowded one); each with at most COMPARISON_ROWS of its most recent rows.
 */
export function headlineSelection(comparisons: readonly Comparison[]): { comparison: Comparison; omitted: number }[] {
  const breadth = (c: Comparison) =>
    new Set(c.records.map((r) => (c.kind === 'region-years' ? r.year : r.region))).size;
  return [...comparisons]
    .map((comparison, order) => ({ comparison, order, breadth: breadth(comparison) }))
    .sort(
      (a, b) => b.breadth - a.breadth || a.comparison.records.length - b.comparison.records.length || a.order - b.order,
    )
    .slice(0, HEADLINE_COMPARISONS)
    .sort((a, b) => a.order - b.order)
    .map(({ comparison }) => ({
      comparison: { ...comparison, records: latest(comparison.records, COMPARISON_ROWS) },
      omitted: Math.max(0, comparison.records.length - COMPARISON_ROWS),
    }));
}
