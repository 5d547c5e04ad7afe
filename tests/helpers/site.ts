/** Reading the built site (see tests/setup/build-site.ts). */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { inject } from 'vitest';
import type { VocabularyFolder } from '../../src/lib/content-paths.ts';
import { loadReports, vocabulary, type RawReport } from '../../tools/shared/content.ts';

export function siteDir(): string {
  return inject('siteDir');
}

/** The reports the site was built from: the expectations of every site test derive from them. */
export function builtReports(): RawReport[] {
  return loadReports(inject('archiveRoot'));
}

/** A vocabulary of the archive the site was built from. */
export function builtVocabulary(name: VocabularyFolder): Map<string, Record<string, unknown>> {
  return vocabulary(name, inject('archiveRoot'));
}

/** Every HTML file of the build, as paths relative to the output folder. */
export function htmlFiles(dir = siteDir()): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.html'))
    .map((file) => relative(dir, join(dir, file)))
    .sort();
}

export function page(file: string): CheerioAPI {
  return load(readFileSync(join(siteDir(), file), 'utf8'));
}
