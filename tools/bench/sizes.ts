/** Sizes of a built site on disk, and what its files weigh over a gzip-serving host. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FolderSize {
  files: number;
  bytes: number;
}

export function folderSize(dir: string): FolderSize {
  return sizesOf(dir, { all: /(?:)/ }).all;
}

/** Files and bytes under `dir` whose path (relative, `/`-separated) matches each pattern: one walk for all. */
function sizesOf<K extends string>(dir: string, patterns: Record<K, RegExp>): Record<K, FolderSize> {
  const keys = Object.keys(patterns) as K[];
  const sizes = Object.fromEntries(keys.map((key) => [key, { files: 0, bytes: 0 }])) as Record<K, FolderSize>;
  if (!existsSync(dir)) return sizes;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relative = path
      .slice(dir.length + 1)
      .split(sep)
      .join('/');
    const matching = keys.filter((key) => patterns[key].test(relative));
    if (!matching.length) continue;
    const bytes = statSync(path).size;
    for (const key of matching) {
      sizes[key].files += 1;
      sizes[key].bytes += bytes;
    }
  }
  return sizes;
}

/**
 * What the research views (issue #21) add to a build: metric pages with their charts, per-metric downloads
 * (CSV and gzipped JSON; the archive-wide exports apart), feeds.
 */
export interface ResearchSizes {
  metricPages: FolderSize;
  metricDownloads: FolderSize;
  feeds: FolderSize;
}

export function researchSizes(distDir: string): ResearchSizes {
  return sizesOf(distDir, {
    metricPages: /^data\/[^/]+\/index\.html$/,
    metricDownloads: /^data\/(?!(statistics|reports)\.json\.gz$)[^/]+\.(csv|json\.gz)$/,
    feeds: /^(regions|topics)\/[^/]+\/rss\.xml$/,
  });
}

export function countFiles(dir: string, suffix: string): number {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith(suffix)).length;
}

/** True for gzip data (Pagefind writes its index, fragments and wasm already compressed). */
export function isGzip(data: Uint8Array): boolean {
  return data[0] === 0x1f && data[1] === 0x8b;
}

/**
 * Bytes a host that compresses text (as GitHub Pages does) would send for a file's body: already
 * compressed files as they are, anything else gzipped (zlib default level).
 */
export function gzipBytes(file: string): number {
  const data = readFileSync(file);
  return isGzip(data) ? data.length : gzipSync(data).length;
}
