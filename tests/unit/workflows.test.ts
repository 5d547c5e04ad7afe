/**
 * The GitHub workflows: deploy only after the tests pass, least privilege per job, actions pinned to a
 * full commit SHA with the version beside it, concurrency on CI, installs from the lockfile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../tools/shared/content.ts';

interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: { uses?: string; run?: string; with?: Record<string, string> }[];
}
interface Workflow {
  permissions?: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}

const text = (name: string) => readFileSync(join(ROOT, '.github/workflows', name), 'utf8');
const workflow = (name: string) => parse(text(name)) as Workflow;
const needs = (job: Job) => (job.needs === undefined ? [] : [job.needs].flat());
const runsTests = (job: Job) => job.steps.some((s) => /\.ci\/run/.test(s.run ?? ''));

describe.each(['ci.yml', 'deploy.yml'])('%s', (name) => {
  it('pins every action to a full commit SHA with its version in a comment', () => {
    const uses = text(name)
      .split('\n')
      .filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it('gives pages and id-token write only to a job that deploys, never workflow-wide', () => {
    const wf = workflow(name);
    expect(Object.keys(wf.permissions ?? {})).not.toContain('pages');
    expect(Object.keys(wf.permissions ?? {})).not.toContain('id-token');
    const jobs = Object.values(wf.jobs);
    const deploys = (job: Job) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'));
    // The deploy workflow has its deploying job (else its permissions would go unchecked), CI none.
    expect(jobs.filter(deploys)).toHaveLength(name === 'deploy.yml' ? 1 : 0);
    for (const job of jobs.filter(deploys)) expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    for (const job of jobs.filter((j) => !deploys(j))) {
      expect(Object.keys(job.permissions ?? {}), JSON.stringify(job)).toEqual(['contents']);
    }
  });

  it('installs from the lockfile (npm ci), never npm install', () => {
    expect(text(name)).not.toMatch(/npm install/);
  });
});

describe('deploy.yml', () => {
  it('deploys only after a job that runs the tests', () => {
    const { jobs } = workflow('deploy.yml');
    const upstream = (id: string): string[] => needs(jobs[id]!).flatMap((n) => [n, ...upstream(n)]);
    const deploy = Object.keys(jobs).find((id) =>
      jobs[id]!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')),
    )!;
    expect(upstream(deploy).some((id) => runsTests(jobs[id]!))).toBe(true);
  });
});

describe('deploy.yml keeps the incremental cache', () => {
  it("restores Astro's cache folder after npm ci and before the build, keyed by the lockfile", () => {
    const steps = workflow('deploy.yml').jobs.build!.steps;
    const at = (test: (s: { uses?: string; run?: string }) => boolean) => steps.findIndex(test);
    const cache = at((s) => s.uses?.startsWith('actions/cache@') ?? false);
    const install = at((s) => /^npm ci\b/.test(s.run ?? ''));
    const build = at((s) => s.run === 'npm run build');
    expect([install, cache, build].every((i) => i >= 0)).toBe(true);
    expect(install).toBeLessThan(cache);
    expect(cache).toBeLessThan(build);
    const options = steps[cache]!.with ?? {};
    expect(options.path).toBe('node_modules/.astro');
    expect(options.key).toContain("hashFiles('package-lock.json'");
    expect(options['restore-keys']).toBeTruthy();
  });
});

describe('deploy.yml builds with the repository', () => {
  it('gives the build step GITHUB_REPOSITORY (the report pages link corrections to its issues)', () => {
    const steps = workflow('deploy.yml').jobs.build!.steps as { run?: string; env?: Record<string, string> }[];
    const build = steps.find((s) => s.run === 'npm run build');
    expect(build?.env?.GITHUB_REPOSITORY).toBe('${{ github.repository }}');
  });
});

describe('ci.yml', () => {
  it('cancels a superseded run of the same ref', () => {
    expect(workflow('ci.yml').concurrency?.group).toContain('github.ref');
  });
});

describe('.ci/run', () => {
  const script = readFileSync(join(ROOT, '.ci/run'), 'utf8');
  it('installs with npm ci, installs Chromium when missing, and runs the README commands', () => {
    expect(script).toMatch(/^npm ci\b/m);
    expect(script).not.toMatch(/^npm install/m);
    expect(script).toMatch(/apt-get install -y -qq chromium/);
    expect(script).toMatch(/^npm test$/m);
  });
});
