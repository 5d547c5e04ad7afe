/**
 * What search indexes, read from the search source the content loader wrote at content sync
 * (src/lib/search-source.ts) — the reports' own parsed text, not their built pages: per report its
 * title, the article text below it (subtitle, byline, body with captions and editorial remarks, without
 * the archive's labels), whitespace removed, and its facets as the pages name them (region lineage,
 * year, topics).
 */
import { existsSync } from 'node:fs';
import { ancestors, type RegionNode } from '../../src/lib/regions.ts';
import { stripSpace } from '../../src/lib/search-text.ts';
import { readSearchSource } from '../../src/lib/search-source.ts';
import { joinBase } from '../../src/lib/paths.ts';
import { routes } from '../../src/lib/urls.ts';
import { vocabulary } from '../shared/content.ts';

export interface IndexedReport {
  url: string;
  /** Title and rest of the indexed text as printed, whitespace removed. */
  title: string;
  body: string;
  /** Names of the report's region and its ancestors, top first. */
  regions: string[];
  year: number;
  topics: string[];
}

/** The reports of the search source at `path`, in id order, with their URLs under `base`. */
export function readIndexedReports(path: string, base: string, root: string): IndexedReport[] {
  if (!existsSync(path)) throw new Error(`no search source at ${path}: run astro build (or astro sync) first`);
  const regions = new Map(
    [...vocabulary('regions', root)].map(([id, data]) => [id, { id, ...data } as unknown as RegionNode]),
  );
  const topics = vocabulary('topics', root);
  const nameOf = (map: ReadonlyMap<string, { name?: unknown }>, id: string) => {
    const name = map.get(id)?.name;
    if (typeof name !== 'string') throw new Error(`search source: unknown vocabulary entry ${id}`);
    return name;
  };
  return [...readSearchSource(path).values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((record) => ({
      url: joinBase(base, routes.report(record.id)),
      title: stripSpace(record.title),
      body: stripSpace(record.text),
      regions: [...ancestors(record.region, regions).map((r) => r.name), nameOf(regions, record.region)],
      year: record.year,
      topics: record.topics.map((id) => nameOf(topics, id)),
    }));
}
