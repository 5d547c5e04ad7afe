/**
 * Builds the site once per test run, under a non-root base path (as on GitHub Pages), into a temporary
 * folder that the built-site tests read. Skipped when no test file needs it (a filter on unit tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export const TEST_BASE = '/union-archive/';
export const TEST_SITE = 'https://archive.example.org';

export default function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'archive-dist-'));
  const root = new URL('../../', import.meta.url).pathname;
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: TEST_BASE, SITE_URL: TEST_SITE, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  project.provide('siteDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}
