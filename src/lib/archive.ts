/**
 * The archive as pages need it: reports with their resolved region lineage and topics, vocabularies
 * by id, and counts. Loaded once per build and shared by every route.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sha256 } from './fixity.ts';
import { ancestors } from './regions.ts';
import { statisticRecords, type StatisticRecord } from './open-data/index.ts';
import { chronological } from './report-order.ts';
import { absoluteUrl, pathWithBase } from './urls.ts';

export type ReportEntry = CollectionEntry<'reports'>;
export type RegionEntry = CollectionEntry<'regions'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type MetricEntry = CollectionEntry<'metrics'>;

export interface Report {
  id: string;
  entry: ReportEntry;
  data: ReportEntry['data'];
  year: number;
  date: ReportEntry['data']['date'];
  region: string;
  /** Ancestors first, then the report's own region. */
  regionLineage: string[];
  topics: string[];
}

export interface Archive {
  /** Newest first. */
  reports: Report[];
  regions: Map<string, RegionEntry>;
  topics: Map<string, TopicEntry>;
  metrics: Map<string, MetricEntry>;
  /** The regions that hold reports, and their ancestors (the vocabulary has every county of China). */
  regionNodes: { id: string; name: string; level: string; parent?: string }[];
  /**
   * Reports by region (a region's list includes its sub-regions), by year and by topic, each newest
   * first. Built in one pass over the reports, so no page filters the whole archive.
   */
  byRegion: Map<string, Report[]>;
  byYear: Map<number, Report[]>;
  byTopic: Map<string, Report[]>;
  /** Digest of the vocabularies (names, hierarchy), which every page shows some of. */
  vocabularyDigest: string;
}

let cached: Promise<Archive> | undefined;

async function load(): Promise<Archive> {
  const [reportEntries, regionEntries, topicEntries, metricEntries] = await Promise.all([
    getCollection('reports'),
    getCollection('regions'),
    getCollection('topics'),
    getCollection('metrics'),
  ]);
  const allNodes = regionEntries.map((r) => ({
    id: r.id,
    name: r.data.name,
    level: r.data.level,
    ...(r.data.parent ? { parent: r.data.parent.id } : {}),
  }));
  const nodeById = new Map(allNodes.map((r) => [r.id, r]));
  const reports = reportEntries.map((entry): Report => {
    const region = entry.data.region.id;
    return {
      id: entry.id,
      entry,
      data: entry.data,
      year: entry.data.year,
      date: entry.data.date,
      region,
      regionLineage: [...ancestors(region, nodeById).map((r) => r.id), region],
      topics: entry.data.topics.map((t) => t.id),
    };
  });
  // The vocabulary names every county of China; pages list only the regions that hold reports and their ancestors.
  const held = new Set(reports.flatMap((r) => r.regionLineage));
  const regionNodes = allNodes.filter((r) => held.has(r.id));
  const newestFirst = chronological(reports).reverse();
  return {
    reports: newestFirst,
    regions: new Map(regionEntries.map((r) => [r.id, r])),
    topics: new Map(topicEntries.map((t) => [t.id, t])),
    metrics: new Map(metricEntries.map((m) => [m.id, m])),
    regionNodes,
    byRegion: groupMany(newestFirst, (r) => r.regionLineage),
    byYear: groupMany(newestFirst, (r) => [r.year]),
    byTopic: groupMany(newestFirst, (r) => r.topics),
    vocabularyDigest: sha256(
      JSON.stringify([regionEntries, topicEntries, metricEntries].map((entries) => entries.map((e) => [e.id, e.data]))),
    ),
  };
}

/**
 * The cache key of a page that shows these reports (experimental.incrementalBuild in astro.config.mjs):
 * it changes when any of them or any vocabulary changes, so an unchanged page is not rendered again.
 * `settings`: what else from the build's environment the page shows (Astro's own key covers only the
 * config), such as the repository of the report page's correction link.
 */
export function pageCacheKey(
  archive: Archive,
  reports: readonly (Report | undefined)[],
  settings: readonly string[] = [],
): string {
  const parts = reports.map((r) => (r ? `${r.id}:${r.entry.digest ?? sha256(JSON.stringify(r.data))}` : '-'));
  return sha256([archive.vocabularyDigest, ...parts, ...settings].join('\n'));
}

/** Groups items under each of their keys, keeping the items' order within every group. */
export function groupMany<T, K>(items: readonly T[], keysOf: (item: T) => readonly K[]): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

export function loadArchive(): Promise<Archive> {
  cached ??= load();
  return cached;
}

let records: Promise<StatisticRecord[]> | undefined;

/** The statistic records of the reviewed reports with base-relative links, made once for all data pages. */
export function loadStatisticRecords(): Promise<StatisticRecord[]> {
  records ??= loadArchive().then((archive) => statisticRecords(archive, pathWithBase));
  return records;
}

/** A site path as the exports write it: an absolute URL on the configured site. */
export const exportUrl = (path: string) => absoluteUrl(path, import.meta.env.SITE);

let exportRecords: Promise<Map<string, StatisticRecord[]>> | undefined;

/**
 * The statistic records as the exports write them (absolute URLs, the archive's order), by metric: made
 * once for the metrics' own files and the sizes their pages give.
 */
export function loadMetricExportRecords(): Promise<Map<string, StatisticRecord[]>> {
  exportRecords ??= loadArchive().then((archive) =>
    Map.groupBy(statisticRecords(archive, exportUrl), (record) => record.metric),
  );
  return exportRecords;
}

/** A vocabulary entry the content references (the content checks guarantee it exists; say so if not). */
export function entryOf<E>(entries: ReadonlyMap<string, E>, id: string, kind: string): E {
  const entry = entries.get(id);
  if (entry === undefined) throw new Error(`未知${kind} / unknown ${kind}: ${id}`);
  return entry;
}

/** Reports about a region or any region below it. */
export function reportsInRegion(archive: Archive, regionId: string): Report[] {
  return archive.byRegion.get(regionId) ?? [];
}

export function reportsInYear(archive: Archive, year: number): Report[] {
  return archive.byYear.get(year) ?? [];
}

export function reportsOnTopic(archive: Archive, topicId: string): Report[] {
  return archive.byTopic.get(topicId) ?? [];
}

/** Years with reports, newest first, with counts. */
export function yearCounts(archive: Archive): { year: number; count: number }[] {
  return [...archive.byYear]
    .map(([year, reports]) => ({ year, count: reports.length }))
    .sort((a, b) => b.year - a.year);
}

export function statCount(archive: Archive): number {
  return archive.reports.reduce((sum, r) => sum + r.data.stats.length, 0);
}
