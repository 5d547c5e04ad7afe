/**
 * A throwaway copy of the project in which content can be broken on purpose and Astro run for real,
 * without touching the working tree. Used by the tests and the benchmark (tools/bench/).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXITY_MANIFEST } from '../../src/lib/fixity.ts';
import { contentDir, VOCABULARIES, type ContentFolder } from '../../src/lib/content-paths.ts';
import { FIXTURE_ROOT, ROOT } from './content.ts';

/** Cache folders inside node_modules (Astro's content data store among them) that a copy keeps to itself. */
const PRIVATE_CACHES = new Set(['.astro', '.vite', '.cache']);

/**
 * node_modules as a folder of links to the working tree's packages rather than one link, so concurrent
 * builds in several copies never share Astro's caches.
 */
export function linkPackages(dir: string): void {
  const target = join(dir, 'node_modules');
  mkdirSync(target);
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (!PRIVATE_CACHES.has(entry)) symlinkSync(join(ROOT, 'node_modules', entry), join(target, entry));
  }
}

/** What `npm run build` runs, in order: Astro's CLI, then the search indexer (paths under ROOT). */
export const ASTRO_CLI = join(ROOT, 'node_modules/astro/bin/astro.mjs');
export const SEARCH_INDEXER = join(ROOT, 'tools/index-search.ts');

const VITEST_VARIABLES = new Set(['NODE_ENV', 'MODE', 'BASE_URL', 'DEV', 'PROD', 'SSR']);

/**
 * The environment of a build run from a test or the benchmark: not Vitest's (it sets NODE_ENV, MODE,
 * BASE_URL … in its workers, and Vite inside the child would take BASE_URL=/ over the configured base
 * path), without telemetry or colours, plus `extra`.
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITEST_VARIABLES.has(key) && !key.startsWith('VITEST')),
  );
  return { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

/** Runs a Node script (this Node) in `cwd`. */
function run(args: string[], env: Record<string, string>, cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: childEnv(env) });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

export interface Sandbox {
  dir: string;
  write(relativePath: string, text: string): void;
  /** Runs the astro CLI on the copy, from its folder or from `cwd` (then pass `--root`). */
  astro(args: string[], env?: Record<string, string>, cwd?: string): { status: number | null; output: string };
  /** `npm run build` on the copy: `astro build`, then the search index (tools/index-search.ts). */
  build(env?: Record<string, string>): { status: number | null; output: string };
  remove(): void;
}

/**
 * A copy of the project's code. Content comes from `archive` (a folder laid out as the project: reports,
 * vocabularies and originals, e.g. FIXTURE_ROOT or ROOT); without one, the live vocabularies, the frozen
 * seeds as originals (the fixture's: the live originals change as reports are added) and no reports, for
 * tests that write their own.
 */
export function createSandbox({ archive }: { archive?: string } = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'archive-sandbox-'));
  // public/ without the live originals and their manifest: the copy takes those of its archive (below).
  const liveOnly = new Set([contentDir('originals', ROOT), join(ROOT, FIXITY_MANIFEST)]);
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'scripts', 'src', 'public']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (source) => !liveOnly.has(source) });
  }
  const copy = (folder: ContentFolder, from: string) =>
    cpSync(contentDir(folder, from), contentDir(folder, dir), { recursive: true });
  for (const vocabulary of VOCABULARIES) copy(vocabulary, archive ?? ROOT);
  if (archive) copy('reports', archive);
  else mkdirSync(contentDir('reports', dir), { recursive: true });
  copy('originals', archive ?? FIXTURE_ROOT);
  // The originals' own fixity manifest (the build verifies it against them).
  cpSync(join(archive ?? FIXTURE_ROOT, FIXITY_MANIFEST), join(dir, FIXITY_MANIFEST));
  linkPackages(dir);
  return {
    dir,
    write(relativePath, text) {
      writeFileSync(join(dir, relativePath), text);
    },
    astro(args, env = {}, cwd = dir) {
      return run([ASTRO_CLI, ...args], env, cwd);
    },
    build(env = {}) {
      const built = run([ASTRO_CLI, 'build'], env, dir);
      if (built.status !== 0) return built;
      const indexed = run([SEARCH_INDEXER], env, dir);
      return { status: indexed.status, output: `${built.output}\n${indexed.output}` };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
