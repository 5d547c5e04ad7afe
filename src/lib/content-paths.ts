/**
 * Where the archive's content lives, named once. Paths are resolved from a project root, by default this
 * project's own (found from this module's location, not the working directory), so the site build
 * (`astro sync --root <dir>` from anywhere), the importer, the benchmark and the tests agree.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each content folder, relative to a project root. */
export const CONTENT_DIRS = {
  /** The articles, one MDX file each. */
  reports: 'content/reports',
  /** The vocabularies: one YAML file per entry, named by its slug. */
  regions: 'content/regions',
  topics: 'content/topics',
  metrics: 'content/metrics',
  /** The OCR source files, byte for byte. */
  originals: 'public/originals',
} as const;

export type ContentFolder = keyof typeof CONTENT_DIRS;

/** The vocabularies the reports refer to. */
export const VOCABULARIES = ['regions', 'topics', 'metrics'] as const satisfies readonly ContentFolder[];
export type VocabularyFolder = (typeof VOCABULARIES)[number];

/** This project's root: the folder two levels above src/lib/. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The absolute path of a content folder under a project root (this project's by default). */
export function contentDir(folder: ContentFolder, root: string = PROJECT_ROOT): string {
  return join(root, CONTENT_DIRS[folder]);
}
