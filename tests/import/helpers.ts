/** Running the importer against throwaway project roots, and reading back what it wrote. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { bodyText } from '../../src/lib/article-text.ts';
import { createRandom } from '../../tools/shared/prng.ts';
import { loadVocabularies } from '../../tools/importer/write.ts';
import { normalizeText } from '../../src/lib/normalize.ts';
import { FIXTURE_ROOT, ROOT, splitFrontmatter, type RawReport } from '../../tools/shared/content.ts';
import { contentDir } from '../../src/lib/content-paths.ts';

export { ROOT };
export const vocabularies = loadVocabularies(ROOT);
/** A seeded random source (the benchmark's), so generated test sets are the same every run. */
export const seededRandom = createRandom;
export const FIXTURES = join(ROOT, 'tests/import/fixtures');
/** The raw source texts of the first reports, frozen with the fixture archive (the live originals grow). */
export const SEED_DIR = contentDir('originals', FIXTURE_ROOT);
export const SEEDS = readdirSync(SEED_DIR)
  .filter((name) => /^00\d_.*\.txt$/.test(name))
  .sort();

export function seedBytes(name: string): Buffer {
  return readFileSync(join(SEED_DIR, name));
}

/** A project root with the vocabularies, no reports and no originals (or the given extra files). */
export function tempProject(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'archive-import-'));
  for (const vocabulary of ['regions.json', 'topics', 'metrics']) {
    cpSync(join(ROOT, 'content', vocabulary), join(dir, 'content', vocabulary), { recursive: true });
  }
  mkdirSync(join(dir, 'content/reports'), { recursive: true });
  mkdirSync(join(dir, 'public/originals'), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tools/import.ts` as `npm run import` would (Node 24 runs the TypeScript directly), optionally
 * as another user (uid/gid; only root may).
 */
export function runImport(
  args: string[],
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  user: { uid?: number; gid?: number } = {},
): Run {
  const result = spawnSync(process.execPath, [...nodeArgs, join(ROOT, 'tools/import.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: ROOT, ...env },
    maxBuffer: 64 * 1024 * 1024,
    ...user,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like runImport, without blocking: for imports that run at the same time. */
export function runImportAsync(args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'tools/import.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: ROOT },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Every file under a folder with the hash of its bytes: compared before and after to prove nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile())
      files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

/** The folders of this repository the importer writes to, to prove a test run left them alone. */
export function repoTargets(): Record<string, string> {
  return { ...snapshot(join(ROOT, 'content/reports')), ...snapshot(join(ROOT, 'public/originals')) };
}

export interface Imported {
  mdx: string;
  body: string;
  data: RawReport['data'] & {
    reviewed?: boolean;
    notes?: string[];
    summary?: string;
    source: RawReport['data']['source'] & { notes?: string[] };
  };
}

export function readImported(file: string): Imported {
  const mdx = readFileSync(file, 'utf8');
  const { frontmatter, body } = splitFrontmatter(mdx);
  return { mdx, body, data: parse(frontmatter) };
}

/**
 * The source text after the normalisation rules, with the OCR tool's Markdown heading marks (`# `, or
 * `#`s alone on a line, possibly indented) removed. (sourceSegment in faithfulness.ts also strips a `#` followed by text,
 * as in `#话题#`, which is text; for the seeds, which have none, both agree.)
 */
export function normalizedSource(raw: string, lines?: { from: number; to: number }): string {
  const all = normalizeText(raw).split('\n');
  const slice = lines ? all.slice(lines.from - 1, lines.to) : all;
  return slice.map((line) => line.replace(/^\s*#{1,6}(?:\s+|$)/, '')).join('\n');
}

export { bodyText };
