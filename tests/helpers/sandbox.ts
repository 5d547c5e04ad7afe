/**
 * A throwaway copy of the project in which content can be broken on purpose and Astro run for real,
 * without touching the working tree. Also used by the benchmark (scripts/bench/), hence the `.ts`
 * import extensions that let Node load it directly.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './content.ts';

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

const VITEST_VARIABLES = new Set(['NODE_ENV', 'MODE', 'BASE_URL', 'DEV', 'PROD', 'SSR']);

export interface Sandbox {
  dir: string;
  write(relativePath: string, text: string): void;
  astro(args: string[], env?: Record<string, string>): { status: number | null; output: string };
  remove(): void;
}

export function createSandbox({ withReports = false } = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'archive-sandbox-'));
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'scripts', 'src', 'public']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  for (const vocabulary of ['regions.json', 'topics', 'metrics']) {
    cpSync(join(ROOT, 'content', vocabulary), join(dir, 'content', vocabulary), { recursive: true });
  }
  if (withReports) cpSync(join(ROOT, 'content/reports'), join(dir, 'content/reports'), { recursive: true });
  else mkdirSync(join(dir, 'content/reports'), { recursive: true });
  linkPackages(dir);
  return {
    dir,
    write(relativePath, text) {
      writeFileSync(join(dir, relativePath), text);
    },
    astro(args, env = {}) {
      // Not Vitest's environment: it sets NODE_ENV, MODE, BASE_URL … in its workers, and Vite inside
      // the child would take BASE_URL=/ over the configured base path.
      const inherited = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !VITEST_VARIABLES.has(key) && !key.startsWith('VITEST')),
      );
      const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
