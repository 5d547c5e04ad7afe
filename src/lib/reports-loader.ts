/**
 * The reports' content loader. Each `content/reports/*.mdx` is read and parsed once
 * (src/lib/report-render.ts), so no report becomes a module of its own and nothing in one runs. The data
 * store keeps its frontmatter; its rendered HTML and headings go to a file of their own in Astro's cache
 * folder (src/lib/rendered-reports.ts), which the report page reads. An entry whose digest (file, base
 * path, renderer revision) is unchanged since the last sync is not parsed again. The loader also writes
 * the search source (src/lib/search-source.ts), from which the indexer reads each report's text without
 * scraping built pages.
 *
 * Every failure is collected, each naming the file and the field or line: the frontmatter's schema,
 * code or unknown elements in the body, quotes not in the body or not stating their value, unknown
 * regions, topics and metrics, a missing or altered original, and the same report twice (the same
 * original passage, or the same text). A very long body only warns.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDir, PROJECT_ROOT } from './content-paths.ts';
import { bylineText } from './byline.ts';
import { ORIGINALS_DIR, sha256, verifyFixity } from './fixity.ts';
import { comparable } from './normalize.ts';
import {
  BODY_SIZE_WARNING,
  checkReferences,
  checkStats,
  describeProblems,
  findDuplicates,
  readableSchemaMessage,
  type DuplicateKeys,
  type FieldProblem,
  type Vocabularies,
} from './report-checks.ts';
import { pruneRenderedBodies, renderedBodyExists, writeRenderedBody } from './rendered-reports.ts';
import { RENDER_REVISION, renderReportBody } from './report-render.ts';
import { readSearchSource, searchSourcePath, writeSearchSource, type SearchSourceRecord } from './search-source.ts';
import type { ReportFrontmatter } from '../schemas/index.ts';

interface LoadedReport {
  /** As the messages name it: relative to the working directory. */
  file: string;
  data: ReportFrontmatter;
  search: SearchSourceRecord;
}

const vocabularyIds = (dir: string) =>
  new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length)),
  );

function knownVocabularies(): Vocabularies {
  return {
    regions: new Set(Object.keys(JSON.parse(readFileSync(contentDir('regions'), 'utf8')) as object)),
    topics: vocabularyIds(contentDir('topics')),
    metrics: vocabularyIds(contentDir('metrics')),
  };
}

const slugOf = (ref: string | { id: string }) => (typeof ref === 'string' ? ref : ref.id);

/** The search source of a report: its identity and facets, and the text the page shows as its article. */
function searchRecord(
  id: string,
  digest: string,
  textDigest: string,
  data: ReportFrontmatter,
  bodyText: string,
): SearchSourceRecord {
  const head = [data.subtitle ? `——${data.subtitle}` : '', bylineText(data.authors)].join('');
  return {
    id,
    digest,
    textDigest,
    title: data.title,
    text: head + bodyText,
    region: slugOf(data.region),
    year: data.year,
    topics: data.topics.map(slugOf),
  };
}

type ParseData = LoaderContext['parseData'];

/** Reads, validates and renders one file; undefined (and `failures` told why) when it fails. */
async function loadFile(
  context: LoaderContext,
  file: string,
  cache: { dir: string; search: ReadonlyMap<string, SearchSourceRecord> },
  failures: string[],
): Promise<LoadedReport | undefined> {
  const { store, generateDigest, config } = context;
  const parseData = context.parseData as ParseData;
  const id = file.slice(0, -'.mdx'.length);
  const path = join(contentDir('reports'), file);
  const shown = relative(process.cwd(), path);
  const contents = readFileSync(path, 'utf8');
  const digest = generateDigest(`${RENDER_REVISION}\u0000${config.base}\u0000${contents}`);
  const existing = store.get(id);
  const cached = cache.search.get(id);
  if (existing?.digest === digest && cached?.digest === digest && renderedBodyExists(cache.dir, id)) {
    return { file: shown, data: existing.data as ReportFrontmatter, search: cached };
  }

  // Blank the frontmatter but keep its lines, so the body's problems name lines of the file.
  const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
  let data: ReportFrontmatter;
  try {
    data = (await parseData({ id, data: frontmatter, filePath: path })) as ReportFrontmatter;
  } catch (error) {
    failures.push(`${shown}: ${readableSchemaMessage(error instanceof Error ? error.message : String(error))}`);
    return undefined;
  }
  const rendered = renderReportBody(content, { stats: data.stats, base: config.base });
  const problems: FieldProblem[] = rendered.ok ? [] : rendered.problems;
  if (rendered.ok) {
    const { text } = rendered.report;
    if (comparable(text) === '') problems.push({ field: 'body', message: '正文为空 / the body is empty' });
    problems.push(...checkStats(data.stats, text));
    const size = content.trim().length;
    if (size > BODY_SIZE_WARNING) {
      context.logger.warn(
        `${shown}: 正文 ${size} 字符，超过 ${BODY_SIZE_WARNING} / the body has ${size} characters, over ${BODY_SIZE_WARNING}`,
      );
    }
  }
  if (!rendered.ok || problems.length) {
    failures.push(describeProblems(shown, problems));
    return undefined;
  }
  const { html, headings, text, searchText } = rendered.report;
  const textDigest = sha256(comparable(text));
  writeRenderedBody(cache.dir, id, { digest, html, headings });
  // Frontmatter only: the data store is one module every page build compiles and holds in memory.
  store.set({ id, data, filePath: relative(fileURLToPath(config.root), path), digest });
  return { file: shown, data, search: searchRecord(id, digest, textDigest, data, searchText) };
}

/** The checks across files: references, originals and their fixity, and reports that are one report twice. */
function checkArchive(reports: readonly LoadedReport[]): string[] {
  const known = knownVocabularies();
  const failures: string[] = verifyFixity(PROJECT_ROOT);
  const keys: DuplicateKeys[] = [];
  const digests = new Map<string, string>();
  for (const { file, data, search } of reports) {
    const original = `${ORIGINALS_DIR}/${data.source.file}`;
    const originalPath = join(PROJECT_ROOT, original);
    const problems = checkReferences(data, known);
    if (!existsSync(originalPath)) {
      problems.push({ field: 'source.file', message: `原件不存在 / the original is missing: ${original}` });
    } else if (!digests.has(original)) {
      digests.set(original, sha256(readFileSync(originalPath)));
    }
    if (problems.length) failures.push(describeProblems(file, problems));
    const lines = data.source.lines ? `${data.source.lines.from}-${data.source.lines.to}` : 'all';
    keys.push({ file, original: `${digests.get(original) ?? original}:${lines}`, text: search.textDigest });
  }
  return [...failures, ...findDuplicates(keys)];
}

export function reportsLoader(): Loader {
  return {
    name: 'reports-loader',
    load: async (context) => {
      const cacheDir = fileURLToPath(context.config.cacheDir);
      const sourcePath = searchSourcePath(cacheDir);
      const cache = { dir: cacheDir, search: readSearchSource(sourcePath) };
      const files = readdirSync(contentDir('reports'))
        .filter((f) => f.endsWith('.mdx'))
        .sort();
      const failures: string[] = [];
      const reports: LoadedReport[] = [];
      for (const file of files) {
        const report = await loadFile(context, file, cache, failures);
        if (report) reports.push(report);
      }
      const present = new Set(files.map((f) => f.slice(0, -'.mdx'.length)));
      for (const id of context.store.keys()) if (!present.has(id)) context.store.delete(id);
      pruneRenderedBodies(cacheDir, present);
      failures.push(...checkArchive(reports));
      if (failures.length) throw new Error(`报道内容核对失败 / report check failed:\n${failures.join('\n')}`);
      writeSearchSource(
        sourcePath,
        reports.map((r) => r.search),
      );
    },
  };
}
