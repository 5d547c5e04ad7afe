/**
 * Each report's rendered body (HTML and headings), kept in a file of its own in Astro's cache folder
 * rather than in the data store: the store becomes one module that every page build compiles and holds
 * in memory, and the HTML was 60 % of it (at 10,000 reports, compiling the store took 63 s of a 305 s
 * build). The content loader writes a report's file when it renders it; the report page reads it, checking
 * that it was rendered from the entry's digest.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Heading } from './report-render.ts';
import { writeWhole } from './write-whole.ts';

export interface RenderedBody {
  /** The digest of the entry it was rendered from. */
  digest: string;
  html: string;
  headings: Heading[];
}

const folder = (cacheDir: string) => join(cacheDir, 'rendered-reports');
const fileOf = (cacheDir: string, id: string) => join(folder(cacheDir), `${id}.json`);

export function writeRenderedBody(cacheDir: string, id: string, body: RenderedBody): void {
  writeWhole(fileOf(cacheDir, id), JSON.stringify(body));
}

export const renderedBodyExists = (cacheDir: string, id: string): boolean => existsSync(fileOf(cacheDir, id));

/** The rendered body of report `id`, or undefined when there is none or it is of another digest. */
export function readRenderedBody(cacheDir: string, id: string, digest: string): RenderedBody | undefined {
  let body: RenderedBody;
  try {
    body = JSON.parse(readFileSync(fileOf(cacheDir, id), 'utf8')) as RenderedBody;
  } catch {
    return undefined;
  }
  return body.digest === digest ? body : undefined;
}

/** Removes the files of reports that are no longer in the archive. */
export function pruneRenderedBodies(cacheDir: string, ids: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(folder(cacheDir));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.endsWith('.json') && !ids.has(name.slice(0, -'.json'.length))) rmSync(join(folder(cacheDir), name));
  }
}
