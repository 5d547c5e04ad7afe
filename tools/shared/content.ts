/**
 * Reads an archive's content files directly (no Astro), for the tests and the benchmark. An archive
 * is a folder laid out as the project is (content/reports/, content/regions/ …, public/originals/): the
 * live project by default, or the frozen fixture the site tests build from (tests/fixtures/archive/).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir, PROJECT_ROOT, type VocabularyFolder } from '../../src/lib/content-paths.ts';
import type { ReportEntry } from '../../src/schemas/index.ts';
import { decodeSource } from '../../src/lib/decode.ts';

export { PROJECT_ROOT as ROOT };

/** Today's six reports with their vocabularies and originals, frozen, so adding a report breaks no site test. */
export const FIXTURE_ROOT = join(PROJECT_ROOT, 'tests/fixtures/archive');

/** An article as read from its file: the frontmatter as written (see src/schemas/) and the MDX body. */
export interface RawReport {
  id: string;
  file: string;
  body: string;
  data: ReportEntry;
}

export function splitFrontmatter(source: string): { frontmatter: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error('no frontmatter block');
  return { frontmatter: match[1] ?? '', body: match[2] ?? '' };
}

export function loadReports(root = PROJECT_ROOT): RawReport[] {
  const dir = contentDir('reports', root);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const { frontmatter, body } = splitFrontmatter(readFileSync(join(dir, name), 'utf8'));
      return { id: name.replace(/\.mdx$/, ''), file: `content/reports/${name}`, body, data: parse(frontmatter) };
    });
}

export function vocabulary(name: VocabularyFolder, root = PROJECT_ROOT): Map<string, Record<string, unknown>> {
  const dir = contentDir(name, root);
  // The regions are one generated file (thousands of entries), the other vocabularies a file per entry.
  if (name === 'regions') return new Map(Object.entries(JSON.parse(readFileSync(dir, 'utf8')) as object));
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => [file.replace(/\.yaml$/, ''), parse(readFileSync(join(dir, file), 'utf8'))]),
  );
}

/** An original's text, read with the importer's decoder: originals may be GB18030 or UTF-16. */
export function original(file: string, root = PROJECT_ROOT): string {
  return decodeSource(readFileSync(join(contentDir('originals', root), file))).text;
}
