/** Sizes of a built site on disk, and what its files weigh over a gzip-serving host. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FolderSize {
  files: number;
  bytes: number;
}

export function folderSize(dir: string): FolderSize {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      files += 1;
      bytes += statSync(join(entry.parentPath, entry.name)).size;
    }
  }
  return { files, bytes };
}

/** Files of `dir` (recursively) whose path under it matches `pattern`. */
export function matchingSize(dir: string, pattern: RegExp): FolderSize {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && pattern.test(path.slice(dir.length + 1))) {
      files += 1;
      bytes += statSync(path).size;
    }
  }
  return { files, bytes };
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
  return {
    metricPages: matchingSize(distDir, /^data\/[^/]+\/index\.html$/),
    metricDownloads: matchingSize(distDir, /^data\/(?!(statistics|reports)\.json\.gz$)[^/]+\.(csv|json\.gz)$/),
    feeds: matchingSize(distDir, /^(regions|topics)\/[^/]+\/rss\.xml$/),
  };
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
