/**
 * The seed material a benchmark archive is made from: the archive's own articles cut into top-level
 * MDX blocks (paragraphs, headings, editorial components), each block carrying the statistics whose
 * quotes stand in it, plus the region, topic and metric vocabularies.
 */
import { bodyText, parseMdx } from '../../src/lib/article-text.ts';
import { comparable } from '../../src/lib/normalize.ts';
import type { StatEntry } from '../../src/schemas/index.ts';
import { loadReports, vocabulary, type RawReport } from '../shared/content.ts';

/** A statistic as written in a seed's frontmatter (extra fields such as `note` are carried as they are). */
export type SeedStat = StatEntry;

export interface SeedBlock {
  /** The seed article it comes from. */
  seed: string;
  /** The block's MDX source, exactly as in the seed. */
  source: string;
  /** Statistics whose quote stands in this block (they move with it). */
  stats: SeedStat[];
}

export interface NamedEntry {
  id: string;
  name: string;
}

export interface SeedCorpus {
  blocks: SeedBlock[];
  regions: NamedEntry[];
  topics: NamedEntry[];
  metrics: Map<string, { name: string; unit: string }>;
}

/** Top-level blocks of an MDX body, by the parser's positions (a `<Duplicate>` spanning paragraphs stays whole). */
export function splitBlocks(body: string): string[] {
  const root = parseMdx(body);
  return root.children
    .filter((node) => node.type !== 'mdxjsEsm')
    .map((node) => body.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0))
    .filter((block) => block.trim() !== '');
}

/**
 * Attaches each statistic to the first block whose reading text holds its quote (compared as the build
 * compares them). Statistics whose quote runs across blocks are dropped.
 */
export function locateStats(seed: string, blocks: readonly string[], stats: readonly SeedStat[]): SeedBlock[] {
  const texts = blocks.map((block) => comparable(bodyText(block)));
  const located: SeedBlock[] = blocks.map((source) => ({ seed, source, stats: [] }));
  for (const stat of stats) {
    const quote = comparable(stat.quote);
    const at = texts.findIndex((text) => text.includes(quote));
    if (at >= 0) located[at]!.stats.push(stat);
  }
  return located;
}

export function seedBlocks(report: RawReport): SeedBlock[] {
  return locateStats(report.id, splitBlocks(report.body), (report.data.stats ?? []) as SeedStat[]);
}

const named = (entries: Map<string, Record<string, unknown>>): NamedEntry[] =>
  [...entries].map(([id, data]) => ({ id, name: String(data.name) })).sort((a, b) => a.id.localeCompare(b.id));

/** Reads the working tree's articles and vocabularies (content/). */
export function loadSeedCorpus(): SeedCorpus {
  // Reviewed reports only: an imported draft's candidate statistics are not data yet.
  const reports = loadReports().filter((r) => (r.data as { reviewed?: boolean }).reviewed !== false);
  const all = vocabulary('regions');
  const usedRegions = new Set<string>();
  for (const report of reports) {
    for (let id: unknown = report.data.region; typeof id === 'string' && !usedRegions.has(id); id = all.get(id)?.parent)
      usedRegions.add(id);
  }
  return {
    blocks: reports.flatMap(seedBlocks),
    // The regions of the archive's reports and their ancestors, not the whole national vocabulary.
    regions: named(vocabulary('regions')).filter((r) => usedRegions.has(r.id)),
    topics: named(vocabulary('topics')),
    metrics: new Map(
      [...vocabulary('metrics')].map(([id, data]) => [id, { name: String(data.name), unit: String(data.unit) }]),
    ),
  };
}
