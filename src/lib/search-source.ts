/**
 * The search source: what the content loader (src/lib/reports-loader.ts) hands the search indexer
 * (tools/index-search.ts), one JSON line per report in id order. It lives in Astro's cache folder, never
 * in dist/, and doubles as the loader's cache of search texts for reports whose digest is unchanged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from './write-whole.ts';

export interface SearchSourceRecord {
  id: string;
  /** The entry's digest when the text was taken (the loader's cache key). */
  digest: string;
  /** sha256 of the body's reading text, whitespace and widths ignored: the same text is one report twice. */
  textDigest: string;
  title: string;
  /** What the report page shows as the article below its headline: subtitle, byline, body. */
  text: string;
  region: string;
  year: number;
  topics: string[];
}

/** Where the source is written, in Astro's cache folder (node_modules/.astro by default). */
export const searchSourcePath = (cacheDir: string): string => join(cacheDir, 'search-source.jsonl');

export function readSearchSource(path: string): Map<string, SearchSourceRecord> {
  if (!existsSync(path)) return new Map();
  const records = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SearchSourceRecord);
  return new Map(records.map((r) => [r.id, r]));
}

/** Written whole (write-whole.ts): the indexer never reads half a file. */
export function writeSearchSource(path: string, records: readonly SearchSourceRecord[]): void {
  writeWhole(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
}
