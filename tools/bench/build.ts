/**
 * Runs the build of a benchmark project (`astro build`, then the search index for the archive) and
 * measures it: wall-clock time, the indexing time the indexer logs, and peak memory. Memory is sampled
 * from /proc every 100 ms (Linux): the astro process's own peak resident set (VmHWM, exact, kept by the
 * kernel) and the largest sampled sum of resident sets over each step's process tree (astro and the
 * esbuild binary it starts; the indexer and the Pagefind binary).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASTRO_CLI, childEnv, SEARCH_INDEXER } from '../shared/sandbox.ts';
import type { BenchProject } from './projects.ts';

export interface BuildMeasurement {
  /** Wall-clock time of the build: `astro build` and (the archive) the search index, spawn to exit. */
  seconds: number;
  /** Astro's own "N page(s) built in …" figure. */
  astroSeconds: number | null;
  /** Pages Astro reports having built. */
  pages: number | null;
  /** The indexer's "indexed N pages in X ms" (part of `seconds`; the archive only). */
  indexingSeconds: number | null;
  indexedPages: number | null;
  /** Peak resident set of the astro (Node) process, MiB. */
  peakRssMiB: number | null;
  /** Largest sampled sum of resident sets over a build step's process tree, MiB (steps run one after the other). */
  peakTreeRssMiB: number | null;
  /** Largest sampled resident set of each kind of process in the tree (node, pagefind, esbuild …), MiB. */
  peakByProcessMiB: Record<string, number>;
  /** Astro's own phase timer (ASTRO_TIMER_PATH), seconds: content sync, bundling, page generation … */
  phases: Record<string, number>;
  /** Page rendering time summed per first path segment (reports, regions, data …), from Astro's per-page log. */
  renderByRoute: Record<string, { pages: number; seconds: number }>;
}

/** A kB figure from /proc/<pid>/status, or undefined when the process is gone. */
function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** The process's command name (`node`, `pagefind_extended` …), or undefined when it is gone. */
function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Resident set of the process tree, in total and by command name (kB). */
function treeRssKb(pid: number): { total: number; byCommand: Map<string, number> } {
  let total = 0;
  const byCommand = new Map<string, number>();
  const pending = [pid];
  while (pending.length) {
    const current = pending.pop()!;
    const rss = statusKb(current, 'VmRSS') ?? 0;
    total += rss;
    const command = commandOf(current);
    if (command) byCommand.set(command, (byCommand.get(command) ?? 0) + rss);
    pending.push(...childrenOf(current));
  }
  return { total, byCommand };
}

/** Parses the figures Astro and the search indexer print. */
export function parseBuildLog(
  output: string,
): Pick<BuildMeasurement, 'astroSeconds' | 'pages' | 'indexingSeconds' | 'indexedPages'> {
  const built = /(\d+) page\(s\) built in (?:(\d+)m (\d+)s|([\d.]+)(ms|s))/.exec(output);
  let astroSeconds: number | null = null;
  if (built) {
    astroSeconds =
      built[2] !== undefined
        ? Number(built[2]) * 60 + Number(built[3])
        : Number(built[4]) / (built[5] === 'ms' ? 1000 : 1);
  }
  const indexed = /indexed (\d+) pages in (\d+) ms/.exec(output);
  return {
    astroSeconds,
    pages: built ? Number(built[1]) : null,
    indexingSeconds: indexed ? Number(indexed[2]) / 1000 : null,
    indexedPages: indexed ? Number(indexed[1]) : null,
  };
}

/** Astro's timer file: `{ "Static generate": { elapsedTime: ms, … } }` → seconds per phase. */
export function readPhases(file: string): Record<string, number> {
  if (!existsSync(file)) return {};
  const stats = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { elapsedTime: number }>;
  return Object.fromEntries(Object.entries(stats).map(([name, stat]) => [name, Math.round(stat.elapsedTime) / 1000]));
}

/** Sums Astro's `├─ /base/reports/x/index.html (+29ms)` lines by the first path segment after the base. */
export function renderTimes(
  output: string,
  base = '/union-archive/',
): Record<string, { pages: number; seconds: number }> {
  const routes: Record<string, { pages: number; seconds: number }> = {};
  for (const match of output.matchAll(/├─ (\S+) \(\+(?:(\d+)m (\d+)s|([\d.]+)(ms|s))\)/g)) {
    const [, path = '', minutes, minuteSeconds, amount, unit] = match;
    const ms =
      minutes !== undefined
        ? (Number(minutes) * 60 + Number(minuteSeconds)) * 1000
        : Number(amount) * (unit === 'ms' ? 1 : 1000);
    const rest = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
    const route = /^[^/.]+\//.exec(rest)?.[0].slice(0, -1) ?? '(root)';
    const entry = (routes[route] ??= { pages: 0, seconds: 0 });
    entry.pages += 1;
    entry.seconds += ms / 1000;
  }
  return Object.fromEntries(
    Object.entries(routes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, { pages, seconds }]) => [route, { pages, seconds: Math.round(seconds * 100) / 100 }]),
  );
}

const MiB = (kb: number | undefined) => (kb === undefined || kb === 0 ? null : Math.round((kb / 1024) * 10) / 10);

interface StepMeasurement {
  seconds: number;
  output: string;
  /** VmHWM of the step's own process, kB. */
  hwm: number | undefined;
  /** Largest sampled sum of resident sets over the step's process tree, kB. */
  tree: number;
  byCommand: Map<string, number>;
}

/** Runs one Node script of the build in the project and samples its process tree's memory. */
async function runStep(project: BenchProject, args: string[], env: NodeJS.ProcessEnv): Promise<StepMeasurement> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: project.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pid = child.pid;
  let hwm: number | undefined;
  let tree = 0;
  const byCommand = new Map<string, number>();
  const sample = () => {
    if (pid === undefined) return;
    hwm = statusKb(pid, 'VmHWM') ?? hwm;
    const now = treeRssKb(pid);
    tree = Math.max(tree, now.total);
    for (const [command, kb] of now.byCommand) byCommand.set(command, Math.max(byCommand.get(command) ?? 0, kb));
  };
  const timer = setInterval(sample, 100);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  if (status !== 0) {
    throw new Error(
      `${args.join(' ')} failed in ${project.dir} (exit ${status}):\n${output.split('\n').slice(-60).join('\n')}`,
    );
  }
  return { seconds, output, hwm, tree, byCommand };
}

/**
 * What `npm run build` runs, measured: `astro build`, then (the archive only) the search index in a
 * process of its own. Time is the sum of both; peak memory of the tree is the larger of the two steps,
 * which never overlap.
 */
export async function runBuild(project: BenchProject, env: Record<string, string>): Promise<BuildMeasurement> {
  const timerFile = join(project.dir, 'astro-timer.json');
  const steps = [await runStep(project, [ASTRO_CLI, 'build'], childEnv({ ...env, ASTRO_TIMER_PATH: timerFile }))];
  if (project.kind === 'archive') steps.push(await runStep(project, [SEARCH_INDEXER], childEnv(env)));
  const output = steps.map((step) => step.output).join('\n');
  writeFileSync(join(project.dir, 'build.log'), output);
  const byCommand = new Map<string, number>();
  for (const step of steps) {
    for (const [command, kb] of step.byCommand) byCommand.set(command, Math.max(byCommand.get(command) ?? 0, kb));
  }
  return {
    seconds: steps.reduce((sum, step) => sum + step.seconds, 0),
    ...parseBuildLog(output),
    peakRssMiB: MiB(steps[0]!.hwm),
    peakTreeRssMiB: MiB(Math.max(...steps.map((step) => step.tree))),
    peakByProcessMiB: Object.fromEntries([...byCommand].map(([command, kb]) => [command, MiB(kb) ?? 0])),
    phases: readPhases(timerFile),
    renderByRoute: renderTimes(output),
  };
}
