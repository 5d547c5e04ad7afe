/**
 * One real build: every seed and the hostile fixture imported with `npm run import` into a throwaway
 * copy of the project, a generated folder of dated reports in every encoding imported in one batch
 * with a manifest of regions and topics only, and real news items (tests/fixtures/corpus-sample/, with a
 * column title that recurs) imported one by one with `--year`; then `npm run build` (astro build and the
 * search index) under a base path. The drafts build, show 未校对, link their originals (served byte for
 * byte), keep every sentence of their sources and are in the search index at once.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSearch } from '../../src/lib/search-engine.ts';
import { loadPagefind, type NodeSearch } from '../helpers/pagefind.ts';
import { createSandbox, type Sandbox } from '../../tools/shared/sandbox.ts';
import { decodeSource } from '../../src/lib/decode.ts';
import { keptText, piecesMissingFrom } from '../../src/lib/faithfulness.ts';
import { ROOT } from '../../tools/shared/content.ts';
import {
  bodyText,
  FIXTURES,
  readImported,
  runImport,
  SEED_DIR,
  SEEDS,
  seedBytes,
  seededRandom,
  vocabularies,
  type Run,
} from './helpers.ts';

const BASE = '/union-archive/';
let sandbox: Sandbox;
let build: { status: number | null; output: string };
const imported: { id: string; file: string }[] = [];
let search: NodeSearch | undefined;

/** Every encoding the importer reads, with and without a byte-order mark. */
const ENCODINGS: Record<string, (text: string) => Buffer> = {
  'utf-8': (t) => Buffer.from(t, 'utf8'),
  'utf-8-bom': (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
  'utf-16le-bom': (t) => iconv.encode(t, 'utf-16le', { addBOM: true }),
  'utf-16le': (t) => iconv.encode(t, 'utf-16le'),
  'utf-16be-bom': (t) => iconv.encode(t, 'utf-16be', { addBOM: true }),
  'utf-16be': (t) => iconv.encode(t, 'utf-16be'),
  gb18030: (t) => iconv.encode(t, 'gb18030'),
};

/** A folder of dated reports (the date only in the file name) and a manifest with region and topics only. */
function generatedCollection(dir: string): {
  files: { name: string; year: number; region: string; text: string }[];
  manifest: string;
} {
  const random = seededRandom('batch-import');
  const places = vocabularies.regions.filter((r) => r.level === 'prefecture' || r.level === 'province');
  const topicIds = vocabularies.topics.map((t) => t.id);
  const encodings = Object.keys(ENCODINGS);
  mkdirSync(join(dir, 'incoming'), { recursive: true });
  const files = Array.from({ length: 28 }, (_, i) => {
    const year = 2000 + random.int(0, 24);
    const place = random.pick(places);
    const encoding = encodings[i % encodings.length] as string;
    const name = `${year}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}-${encoding}-${i}.txt`;
    // 一 and 开 put zero bytes at even offsets in UTF-16LE; 到2035年 and 以来 are years that do not date it.
    const text =
      `一线职工开新局 ${place.name}工会工作纪事\n\n` +
      `党的十八大以来，${place.name}总工会一以贯之开展帮扶工作，力争到2035年建成服务体系。\n` +
      `今年，全市新建职工书屋${random.int(2, 90)}家，开展技能培训${random.int(10, 900)}场次，一线职工受益${random.int(1, 9)}.${random.int(1, 9)}万人次。\n` +
      `（本版责任编辑 张明 版式 李华）\n`;
    writeFileSync(join(dir, 'incoming', name), ENCODINGS[encoding]!(text));
    return { name, year, region: place.id, text };
  });
  const manifest = join(dir, 'manifest.csv');
  writeFileSync(
    manifest,
    [
      'file,region,topics',
      ...files.map((f) => `incoming/${f.name},${f.region},"${random.sample(topicIds, 2).join(',')}"`),
    ].join('\n'),
  );
  return { files, manifest };
}

let collection: ReturnType<typeof generatedCollection>;
let batch: Run;

/** Real news items (see its README), imported one by one with the year from the file name. */
const CORPUS_SAMPLE = join(ROOT, 'tests/fixtures/corpus-sample');
const corpusFiles = readdirSync(CORPUS_SAMPLE)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const corpusRuns: Run[] = [];
const corpusDrafts: string[] = [];

beforeAll(() => {
  sandbox = createSandbox();
  const inputs = [
    ...SEEDS.map((name) => join(sandbox.dir, 'public/originals', name)),
    join(FIXTURES, 'hostile-report.txt'),
  ];
  inputs.forEach((file, i) => {
    const id = `imported-${i}`;
    const run = runImport([file, '--root', sandbox.dir, '--id', id]);
    if (run.status !== 0) throw new Error(`import of ${file} failed: ${run.stderr}`);
    imported.push({ id, file });
  });
  collection = generatedCollection(sandbox.dir);
  batch = runImport([join(sandbox.dir, 'incoming'), '--manifest', collection.manifest, '--root', sandbox.dir]);
  const before = new Set(readdirSync(join(sandbox.dir, 'content/reports')));
  for (const name of corpusFiles) {
    const year = name.slice('xwlb-'.length, 'xwlb-'.length + 4);
    const args = ['--year', year, '--region', 'china', '--topics', 'organising', '--root', sandbox.dir];
    corpusRuns.push(runImport([join(CORPUS_SAMPLE, name), ...args]));
  }
  corpusDrafts.push(...readdirSync(join(sandbox.dir, 'content/reports')).filter((name) => !before.has(name)));
  build = sandbox.build({ BASE_PATH: BASE });
}, 600_000);
afterAll(() => sandbox?.remove());

const squash = (text: string) => text.replace(/[\s\u200B]+/g, '');

describe('imported drafts in a real build', () => {
  it('build without errors', () => {
    expect(build.output).not.toMatch(/\berror\b/i);
    expect(build.status).toBe(0);
  });

  it.each(SEEDS.map((name, i) => [name, i] as const).concat([['hostile-report.txt', SEEDS.length] as const]))(
    '%s: a page marked 未校对 with its full text, linked to its original, searchable',
    async (_name, i) => {
      const { id, file } = imported[i]!;
      const report = readImported(join(sandbox.dir, 'content/reports', `${id}.mdx`));
      const $ = load(readFileSync(join(sandbox.dir, 'dist/reports', id, 'index.html'), 'utf8'));
      expect($('h1').first().text()).toBe(report.data.title);
      expect($('article.report').text()).toContain('未校对');
      // Every paragraph of the draft's text is on the page.
      const page = squash($('article.report').text());
      for (const line of bodyText(report.body).split('\n')) expect(page).toContain(squash(line));
      // The original is served unchanged, and the page links to it.
      const original = readFileSync(join(sandbox.dir, 'dist/originals', report.data.source.file));
      expect(original.equals(readFileSync(file))).toBe(true);
      expect($(`a[href="${BASE}originals/${report.data.source.file}"]`).length).toBeGreaterThan(0);
      // Searchable: a search for the start of its longest line finds it.
      const longest = bodyText(report.body)
        .split('\n')
        .sort((a, b) => b.length - a.length)[0] as string;
      search ??= await loadPagefind(join(sandbox.dir, 'dist'), BASE);
      const outcome = await runSearch(search.context, { query: [...squash(longest)].slice(0, 20).join('') });
      const urls = await Promise.all(outcome.results.map(async (r) => (await search!.block(r.report, 0)).url));
      expect(urls).toContain(`${BASE}reports/${id}/`);
    },
  );

  it('kept the seeds as they were (imports link the identical originals instead of copying them)', () => {
    for (const name of SEEDS)
      expect(readFileSync(join(sandbox.dir, 'public/originals', name)).equals(seedBytes(name))).toBe(true);
    const before = readdirSync(SEED_DIR);
    // The sandbox holds the seeds plus one original per imported report that had no identical one.
    const used = readdirSync(join(sandbox.dir, 'content/reports')).map(
      (name) => readImported(join(sandbox.dir, 'content/reports', name)).data.source.file,
    );
    expect(readdirSync(join(sandbox.dir, 'public/originals')).sort()).toEqual(
      [...new Set([...before, ...used])].sort(),
    );
    expect(used).toContain(`imported-${SEEDS.length}.txt`);
  });

  it('imported the generated folder in one run: nothing refused, every year right, credits not authors', () => {
    expect(batch.status, batch.stdout + batch.stderr).toBe(0);
    expect(batch.stdout).toMatch(
      new RegExp(`共 ${collection.files.length} 个文件：导入 ${collection.files.length}，拒绝 0`),
    );
    const drafts = readdirSync(join(sandbox.dir, 'content/reports'))
      .filter((name) => !name.startsWith('imported-') && !corpusDrafts.includes(name))
      .map((name) => readImported(join(sandbox.dir, 'content/reports', name)));
    expect(drafts).toHaveLength(collection.files.length);
    for (const file of collection.files) {
      const draft = drafts.find((d) => {
        const original = readFileSync(join(sandbox.dir, 'public/originals', d.data.source.file));
        return decodeSource(original).text === file.text;
      });
      expect(draft, file.name).toBeDefined();
      expect(draft!.data.year, file.name).toBe(file.year);
      expect(draft!.data.region, file.name).toBe(file.region);
      expect(draft!.data.authors, file.name).toEqual([]);
      expect(draft!.data.source.furniture, file.name).toContain('（本版责任编辑 张明 版式 李华）');
    }
  });

  it('imported the real news items one by one with --year: none refused, a recurring headline builds', () => {
    for (const [i, run] of corpusRuns.entries()) expect(run.status, `${corpusFiles[i]}: ${run.stderr}`).toBe(0);
    expect(corpusDrafts).toHaveLength(corpusFiles.length);
    const drafts = corpusDrafts.map((name) => readImported(join(sandbox.dir, 'content/reports', name)).data);
    // Three 国内联播快讯 of 2023: with only the year known, the same title and date; still one report each.
    expect(drafts.filter((d) => d.title === '国内联播快讯' && d.year === 2023)).toHaveLength(3);
    // The importer notes the shared headline and date of the second and third: a warning, not a refusal.
    expect(corpusRuns.filter((run) => run.stdout.includes('标题、日期相同'))).toHaveLength(2);
    for (const name of corpusDrafts) {
      expect(existsSync(join(sandbox.dir, 'dist/reports', name.replace(/\.mdx$/, ''), 'index.html')), name).toBe(true);
    }
  });

  it('kept every sentence of each real news item in its draft, and added none', () => {
    for (const name of corpusDrafts) {
      const { data, body } = readImported(join(sandbox.dir, 'content/reports', name));
      const source = decodeSource(readFileSync(join(sandbox.dir, 'public/originals', data.source.file))).text;
      const text = bodyText(body);
      expect(
        piecesMissingFrom(source, keptText({ ...data, body: text, furniture: data.source.furniture })),
        name,
      ).toEqual([]);
      expect(piecesMissingFrom(text, source), name).toEqual([]);
    }
  });

  it('built region pages only for regions that hold reports, and their ancestors', () => {
    const pages = readdirSync(join(sandbox.dir, 'dist/regions'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const byId = new Map(vocabularies.regions.map((r) => [r.id, r]));
    const held = new Set<string>();
    for (const name of readdirSync(join(sandbox.dir, 'content/reports'))) {
      for (
        let id: string | undefined = readImported(join(sandbox.dir, 'content/reports', name)).data.region;
        id;
        id = byId.get(id)?.parent
      )
        held.add(id);
    }
    expect(pages.sort()).toEqual([...held].sort());
    expect(existsSync(join(sandbox.dir, 'dist/regions/cn-110101'))).toBe(held.has('cn-110101'));
  });
});
