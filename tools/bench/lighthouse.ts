/**
 * Lighthouse performance scores of the home page and the longest report page, served under the base
 * path. A CPU-dependent score: it belongs to the benchmark (recorded with the machine's load), not to the
 * tests, which must pass on a busy machine.
 */
import lighthouse from 'lighthouse';
import { launchLighthouseChrome } from '../shared/browser.ts';
import { serveStatic } from '../shared/static-server.ts';

export interface LighthouseScore {
  path: string;
  /** 0–1, as Lighthouse reports it. */
  performance: number | null;
}

export async function lighthousePerformance(
  distDir: string,
  base: string,
  paths: readonly string[],
): Promise<LighthouseScore[]> {
  const server = await serveStatic(distDir, base);
  const chrome = await launchLighthouseChrome();
  try {
    const scores: LighthouseScore[] = [];
    for (const path of paths) {
      const result = await lighthouse(`${server.origin}${base}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      scores.push({ path, performance: result?.lhr.categories.performance?.score ?? null });
    }
    return scores;
  } finally {
    chrome.kill();
    await server.close();
  }
}
