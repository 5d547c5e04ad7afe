/**
 * The archive as pages need it: reports with their resolved region lineage and topics, vocabularies
 * by id, and counts. Loaded once per build and shared by every route.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { ancestors, descendantIds } from './regions';
import { chronological } from './report-order';

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
  return {
    reports: chronological(reports).reverse(),
    regions: new Map(regionEntries.map((r) => [r.id, r])),
    topics: new Map(topicEntries.map((t) => [t.id, t])),
    metrics: new Map(metricEntries.map((m) => [m.id, m])),
    regionNodes,
  };
}

export function loadArchive(): Promise<Archive> {
  cached ??= load();
  return cached;
}

/** Reports about a region or any region below it. */
export function reportsInRegion(archive: Archive, regionId: string): Report[] {
  const ids = descendantIds(regionId, archive.regionNodes);
  return archive.reports.filter((r) => ids.has(r.region));
}

export function reportsInYear(archive: Archive, year: number): Report[] {
  return archive.reports.filter((r) => r.year === year);
}

export function reportsOnTopic(archive: Archive, topicId: string): Report[] {
  return archive.reports.filter((r) => r.topics.includes(topicId));
}

/** Years with reports, newest first, with counts. */
export function yearCounts(archive: Archive): { year: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const report of archive.reports) counts.set(report.year, (counts.get(report.year) ?? 0) + 1);
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
}

export function statCount(archive: Archive): number {
  return archive.reports.reduce((sum, r) => sum + r.data.stats.length, 0);
}

/** How many reports a list page shows before paginating. */
export const PAGE_SIZE = 20;

/** Rows per page of the all-reports table (denser than the card lists). */
export const TABLE_PAGE_SIZE = 100;
