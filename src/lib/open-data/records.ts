/**
 * The archive's statistics and reports as flat records, the same rows for JSON, CSV and the data pages.
 * Pure: callers pass the archive and a function that turns a site path into a URL (absolute for the
 * exports, base-relative for links on pages).
 */
import { quoteAnchorIds } from '../quote-anchors.ts';
import { routes } from '../urls.ts';
import type { Stat } from '../../schemas/index.ts';
import type { ReportRecord, StatisticRecord } from '../../schemas/open-data.ts';

// ---- Input: the parts of the archive (src/lib/archive.ts) the records are made from ----

export interface ReportInput {
  id: string;
  region: string;
  year: number;
  topics: readonly string[];
  data: {
    title: string;
    subtitle?: string | undefined;
    authors: readonly { name: string; role?: string | undefined }[];
    date?: { value: string; precision: 'year' | 'month' | 'day'; inferred: boolean } | undefined;
    period: { from: number; to: number };
    summary: string;
    source: { file: string; publication?: string | undefined };
    stats: readonly Stat[];
    reviewed: boolean;
  };
}

interface Named {
  data: { name: string };
}

export interface ArchiveInput {
  /** In the order the exports list them (the archive's: newest first). */
  reports: readonly ReportInput[];
  regions: ReadonlyMap<string, Named>;
  topics: ReadonlyMap<string, Named>;
  metrics: ReadonlyMap<string, { data: { name: string; unit: string; category: string; description: string } }>;
}

/** Turns a site path (`/reports/x/`) into the URL written out: absolute for exports, base-relative on pages. */
export type UrlOf = (path: string) => string;

function nameOf(map: ReadonlyMap<string, Named>, id: string, kind: string): string {
  const entry = map.get(id);
  if (!entry) throw new Error(`未知${kind} / unknown ${kind}: ${id}`);
  return entry.data.name;
}

/**
 * Statistics of unreviewed drafts (`reviewed: false`) are candidates an importer guessed: they stay on
 * their report page, marked, but out of the data pages, charts and exports until a reviewer confirms them.
 */
export function countsInData(report: ReportInput): boolean {
  return report.data.reviewed;
}

/** One record per statistic of a reviewed report, in the archive's report order and each report's own order. */
export function statisticRecords(archive: ArchiveInput, urlOf: UrlOf): StatisticRecord[] {
  return archive.reports.flatMap((report) => reportStatisticRecords(archive, report, urlOf));
}

/** The same records one report at a time, for exports that never hold them all at once. */
export function* eachStatisticRecord(archive: ArchiveInput, urlOf: UrlOf): Generator<StatisticRecord> {
  for (const report of archive.reports) yield* reportStatisticRecords(archive, report, urlOf);
}

/** How many records statisticRecords gives, without making them. */
export function statisticCount(archive: ArchiveInput): number {
  return archive.reports.reduce((sum, report) => sum + (countsInData(report) ? report.data.stats.length : 0), 0);
}

/** The records of one report's statistics (none for a draft), for exports written report by report. */
export function reportStatisticRecords(archive: ArchiveInput, report: ReportInput, urlOf: UrlOf): StatisticRecord[] {
  if (!countsInData(report)) return [];
  const { anchorOf } = quoteAnchorIds(report.data.stats.map((s) => s.quote));
  const reportPath = routes.report(report.id);
  return report.data.stats.map((stat, i): StatisticRecord => {
    const metric = archive.metrics.get(stat.metric.id);
    if (!metric) throw new Error(`未知指标 / unknown metric: ${stat.metric.id}`);
    return {
      report_id: report.id,
      report_title: report.data.title,
      report_url: urlOf(reportPath),
      region: report.region,
      region_name: nameOf(archive.regions, report.region, '地区'),
      report_year: report.year,
      index: i + 1,
      metric: stat.metric.id,
      metric_name: metric.data.name,
      category: metric.data.category,
      label: stat.label,
      value: stat.value,
      unit: stat.unit,
      qualifier: stat.qualifier ?? null,
      year: stat.year ?? null,
      period_from: stat.period?.from ?? null,
      period_to: stat.period?.to ?? null,
      quote: stat.quote,
      quote_url: `${urlOf(reportPath)}#${anchorOf[i]}`,
      // An empty note is no note: the CSV cannot tell '' from null.
      note: stat.note || null,
    };
  });
}

export function reportRecords(archive: ArchiveInput, urlOf: UrlOf): ReportRecord[] {
  return archive.reports.map((report): ReportRecord => ({
    id: report.id,
    title: report.data.title,
    subtitle: report.data.subtitle ?? null,
    url: urlOf(routes.report(report.id)),
    authors: report.data.authors.map((a) => (a.role ? `${a.name}（${a.role}）` : a.name)),
    region: report.region,
    region_name: nameOf(archive.regions, report.region, '地区'),
    year: report.year,
    date: report.data.date?.value ?? null,
    date_precision: report.data.date?.precision ?? null,
    date_inferred: report.data.date?.inferred ?? null,
    period_from: report.data.period.from,
    period_to: report.data.period.to,
    topics: [...report.topics],
    topic_names: report.topics.map((t) => nameOf(archive.topics, t, '主题')),
    summary: report.data.summary,
    publication: report.data.source.publication ?? null,
    original_url: urlOf(routes.original(report.data.source.file)),
    statistics: countsInData(report) ? report.data.stats.length : 0,
    reviewed: report.data.reviewed,
  }));
}
