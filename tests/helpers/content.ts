/** Reads the archive's content files directly (no Astro), for tests that check content rules. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { StatEntry } from '../../src/lib/report-checks.ts';
import { decodeSource } from '../../tools/importer/decode.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;

export type RawStat = StatEntry;

export interface RawReport {
  id: string;
  file: string;
  body: string;
  data: {
    title: string;
    subtitle?: string;
    authors?: { name: string; role?: string }[];
    region: string;
    year: number;
    topics: string[];
    source: { file: string; lines?: { from: number; to: number }; furniture?: string[] };
    stats?: RawStat[];
    date?: { value: string; precision: string; inferred: boolean; note?: string };
  };
}

export function splitFrontmatter(source: string): { frontmatter: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error('no frontmatter block');
  return { frontmatter: match[1] ?? '', body: match[2] ?? '' };
}

export function loadReports(dir = join(ROOT, 'content/reports')): RawReport[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const { frontmatter, body } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
      return { id: name.replace(/\.mdx$/, ''), file: `content/reports/${name}`, body, data: parse(frontmatter) };
    });
}

export function vocabulary(name: 'regions' | 'topics' | 'metrics'): Map<string, Record<string, unknown>> {
  // The regions are one generated file (thousands of entries), the other vocabularies a file per entry.
  if (name === 'regions') return new Map(Object.entries(JSON.parse(readFileSync(join(ROOT, 'content/regions.json'), 'utf8'))));
  const dir = join(ROOT, 'content', name);
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => [file.replace(/\.yaml$/, ''), parse(readFileSync(join(dir, file), 'utf8'))]),
  );
}

/** An original's text, read with the importer's decoder: originals may be GB18030 or UTF-16. */
export function original(file: string): string {
  return decodeSource(readFileSync(join(ROOT, 'public/originals', file))).text;
}
