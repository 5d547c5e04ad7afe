/** Reading the built site (see tests/setup/build-site.ts). */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { inject } from 'vitest';

export function siteDir(): string {
  return inject('siteDir');
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
