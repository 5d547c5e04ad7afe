/**
 * Builds the site once per test run, under a non-root base path (as on GitHub Pages), in a throwaway
 * copy of the project, so test runs never touch the working tree's dist/ or .astro/ caches. The content
 * is the frozen fixture archive, not the live content/: adding a report breaks no site or browser test
 * (tests/content/ checks every live article).
 */
import type { TestProject } from 'vitest/node';
import { FIXTURE_ROOT } from '../../tools/shared/content.ts';
import { createSandbox } from '../../tools/shared/sandbox.ts';

export const TEST_BASE = '/union-archive/';
export const TEST_SITE = 'https://archive.example.org';
/** Indexed positions per search index shard: small, so the fixture's index is split as a large archive's is. */
export const TEST_SHARD_POSITIONS = '6000';
/**
 * The repository the report pages' correction links point to, set here whatever the environment holds
 * (GitHub Actions sets GITHUB_REPOSITORY in every job): tests/site/incremental.test.ts builds without one.
 */
export const TEST_REPOSITORY = 'union-archive-tests/reports';

export default function setup(project: TestProject) {
  const sandbox = createSandbox({ archive: FIXTURE_ROOT });
  const { status, output } = sandbox.build({
    BASE_PATH: TEST_BASE,
    SITE_URL: TEST_SITE,
    SEARCH_SHARD_POSITIONS: TEST_SHARD_POSITIONS,
    GITHUB_REPOSITORY: TEST_REPOSITORY,
  });
  if (status !== 0) {
    sandbox.remove();
    throw new Error(`build failed (exit ${status}):\n${output}`);
  }
  project.provide('siteDir', `${sandbox.dir}/dist`);
  project.provide('siteBase', TEST_BASE);
  project.provide('archiveRoot', FIXTURE_ROOT);
  return () => sandbox.remove();
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteBase: string;
    /** The archive the site was built from, laid out as the project (see tools/shared/content.ts). */
    archiveRoot: string;
  }
}
