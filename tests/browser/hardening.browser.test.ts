/**
 * A hostile report (script, markup and formula text in every field) goes through the real importer and a
 * real build, then through Chromium under the site's Content-Security-Policy: no dialog, no console
 * error, no policy violation, JSON-LD that parses, every text displayed as written; the feed, CSV and
 * JSON carry it intact (the CSV without formula cells). Also: every page type loads under the policy,
 * search works under it, the original is readable as UTF-8, and the
 * build log has no MODULE_LEVEL_DIRECTIVE noise.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { contentDir } from '../../src/lib/content-paths.ts';
import { decodeSource } from '../../src/lib/decode.ts';
import { statisticFromCsvRow } from '../../src/lib/open-data/index.ts';
import { FIXTURE_ROOT, ROOT, vocabulary } from '../../tools/shared/content.ts';
import { createSandbox, type Sandbox } from '../../tools/shared/sandbox.ts';
import { openSite, type BrowserSite } from '../helpers/browser-site.ts';
import { htmlFiles } from '../helpers/site.ts';

const BASE = '/hostile-archive/';
const ID = 'hostile-test';

/** The raw OCR file, imported as GB18030 (so the UTF-8 copy of the original is tested too). */
const RAW = `# 职工之家建设进展

本报记者 王小明

截至2023年底，新建职工之家128个，覆盖职工3.5万人，投入资金1200万元。</script><script>alert(10)</script>

全市基层工会组织达到2.37万个，比上年增长12%以上。<img src=x onerror=alert(11)>
`;

/** Frontmatter fields set after import: what an editor (or a bad actor) could write. */
const HOSTILE = {
  title: '</script><script>alert(1)</script>职工之家 <img src=x onerror=alert(2)> & "引号" \u2028',
  subtitle: '"><svg onload=alert(3)>纪实 </script>\u2029',
  authors: [{ name: '王<b onmouseover=alert(4)>小明', role: '</script><script>alert(5)</script>' }],
  summary: '摘要</script><script>alert(6)</script> <!-- -->',
  note: '<script>alert(7)</script>编者注',
  sourceNote: '<img src=x onerror=alert(8)>',
  furniture: "=cmd|' /C calc'!A0",
  labels: ['=HYPERLINK("http://evil.example/","x")', '+1+1', '-2', '@SUM(1)'],
  statNote: '<script>alert(9)</script>',
  quote: '投入资金1200万元。</script><script>alert(10)</script>',
};

let sandbox: Sandbox;
let buildLog = '';
let dist = '';
let site: BrowserSite;

/** The parts of an imported draft's frontmatter that editDraft changes; the rest is kept as read. */
interface DraftFrontmatter {
  notes: string[];
  source: { notes: string[]; furniture?: string[] };
  stats: { value: number; unit: string; metric: string; label?: string; note?: string; quote?: string }[];
  [key: string]: unknown;
}

/** A metric of the archive with the given unit (the first one otherwise), for candidates left unassigned. */
function metricFor(unit: string): string {
  const metrics = [...vocabulary('metrics', FIXTURE_ROOT)].filter(([id]) => id !== 'unassigned');
  return (metrics.find(([, data]) => data.unit === unit) ?? metrics[0]!)[0];
}

function editDraft(file: string): void {
  const text = readFileSync(file, 'utf8');
  const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  const data = parse(yaml!) as DraftFrontmatter;
  Object.assign(data, {
    title: HOSTILE.title,
    subtitle: HOSTILE.subtitle,
    authors: HOSTILE.authors,
    summary: HOSTILE.summary,
  });
  data.notes.push(HOSTILE.note);
  data.source.notes.push(HOSTILE.sourceNote);
  data.source.furniture = [HOSTILE.furniture];
  HOSTILE.labels.forEach((label, i) => Object.assign(data.stats[i]!, { label, note: HOSTILE.statNote }));
  const money = data.stats.find((s) => s.value === 12000000)!;
  money.quote = HOSTILE.quote;
  // Reviewed, so that its statistics reach the exports (drafts' statistics stay out of /data/).
  data.reviewed = true;
  for (const stat of data.stats) if (stat.metric === 'unassigned') stat.metric = metricFor(stat.unit);
  writeFileSync(file, `---\n${stringify(data)}---\n${body}`);
}

beforeAll(async () => {
  sandbox = createSandbox({ archive: FIXTURE_ROOT });
  const raw = join(sandbox.dir, 'hostile-gb18030.txt');
  writeFileSync(raw, iconv.encode(RAW, 'gb18030'));
  const imported = spawnSync(
    process.execPath,
    [
      join(ROOT, 'tools/import.ts'),
      raw,
      '--root',
      sandbox.dir,
      '--id',
      ID,
      '--region',
      'jiangsu',
      '--year',
      '2023',
      '--topics',
      'organising',
    ],
    { encoding: 'utf8' },
  );
  if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`);
  editDraft(join(sandbox.dir, `content/reports/${ID}.mdx`));
  const built = sandbox.build({ BASE_PATH: BASE, SITE_URL: 'https://archive.example.org' });
  buildLog = built.output;
  if (built.status !== 0) throw new Error(`build failed (exit ${built.status}):\n${built.output}`);
  dist = join(sandbox.dir, 'dist');
  site = await openSite(dist, BASE);
});
afterAll(async () => {
  await site?.close();
  sandbox?.remove();
});

const text = (file: string) => readFileSync(join(dist, file), 'utf8');
/** The text of a gzipped export. */
const gzText = (file: string) => gunzipSync(readFileSync(join(dist, file))).toString('utf8');

describe('the build', () => {
  it('logs no MODULE_LEVEL_DIRECTIVE warning', () => {
    expect(buildLog).toContain('Complete!');
    expect(buildLog).not.toMatch(/MODULE_LEVEL_DIRECTIVE|use astro:head-inject/);
  });

  it('gives every page the policy first in <head>, no inline script but hashed ones, no style or on* attribute', () => {
    const files = htmlFiles(dist);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const $ = load(text(file));
      const meta = $('head > meta[http-equiv="Content-Security-Policy"]');
      expect(meta.length, file).toBe(1);
      const policy = meta.attr('content') ?? '';
      expect(policy, file).toMatch(/script-src 'self'/);
      expect(policy, file).toMatch(/object-src 'none'/);
      expect(policy, file).toMatch(/base-uri 'self'/);
      expect(policy, file).not.toMatch(/unsafe-inline|'unsafe-eval'/);
      // The policy must come before anything it governs.
      expect($('head').children().index(meta), file).toBeLessThanOrEqual(1);
      // JSON-LD is data, not script; every page has an inline script (the theme's) whose hash is checked.
      const inline = $('script:not([src]):not([type="application/ld+json"])');
      expect(inline.length, file).toBeGreaterThan(0);
      inline.each((_, el) => {
        const hash = createHash('sha256').update($(el).text()).digest('base64');
        expect(policy, `${file}: inline script ${$(el).text().slice(0, 60)}`).toContain(`'sha256-${hash}'`);
      });
      $('*').each((_, el) => {
        for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) {
          expect(name === 'style' || /^on/.test(name), `${file}: <${(el as { name: string }).name} ${name}>`).toBe(
            false,
          );
        }
      });
      $('script[type="application/ld+json"]').each((_, el) => {
        expect(() => JSON.parse($(el).text()), file).not.toThrow();
      });
    }
  });

  it('gives og:url only to pages that exist at that URL (not the 404 page, served at any missing path)', () => {
    expect(load(text('404.html'))('meta[property="og:url"]').length).toBe(0);
    for (const file of htmlFiles(dist).filter((f) => f !== '404.html')) {
      const url = load(text(file))('meta[property="og:url"]').attr('content') ?? '';
      const path = new URL(url).pathname.slice(BASE.length);
      expect(`${path}index.html`).toBe(file);
    }
  });

  it("writes the hostile report's JSON-LD as parseable JSON holding the texts as written", () => {
    const $ = load(text(`reports/${ID}/index.html`));
    const scripts = $('script[type="application/ld+json"]');
    expect(scripts.length).toBe(1);
    const data = JSON.parse(scripts.text());
    expect(data.headline).toBe(HOSTILE.title);
    expect(data.alternativeHeadline).toBe(HOSTILE.subtitle);
    expect(data.abstract).toBe(HOSTILE.summary);
    expect(data.author).toEqual([
      { '@type': 'Person', name: HOSTILE.authors[0]!.name, jobTitle: HOSTILE.authors[0]!.role },
    ]);
    expect(scripts.text()).not.toMatch(/[<>\u2028\u2029]/);
  });

  it('carries the texts intact in the feed, the JSON and the CSV, with no CSV cell a spreadsheet would run', () => {
    const $ = load(text('rss.xml'), { xml: true });
    const item = $('item').filter((_, el) => $(el).find('link').text().endsWith(`/reports/${ID}/`));
    expect(item.find('title').text()).toBe(HOSTILE.title);
    expect(item.find('description').text()).toBe(HOSTILE.summary);

    const reports = JSON.parse(gzText('data/reports.json.gz')).reports as {
      id: string;
      title: string;
      subtitle: string;
    }[];
    expect(reports.find((r) => r.id === ID)).toMatchObject({ title: HOSTILE.title, subtitle: HOSTILE.subtitle });

    const csv = gzText('data/statistics.csv.gz').replace(/^\uFEFF/, '');
    const rows = Papa.parse<string[]>(csv).data.filter((row) => row.length > 1);
    // Numbers (such as -2) may start with '-'; a text cell must not start a formula.
    const textCells = rows.flat().filter((cell) => Number.isNaN(Number(cell)));
    expect(textCells.some((cell) => cell.includes(HOSTILE.labels[0]!))).toBe(true);
    expect(textCells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    const records = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.map(
      statisticFromCsvRow,
    );
    const mine = records.filter((r) => r.report_id === ID);
    expect(mine.map((r) => r.label).slice(0, 4)).toEqual(HOSTILE.labels);
    expect(mine.map((r) => r.quote)).toContain(HOSTILE.quote);
    expect(mine.every((r) => r.report_title === HOSTILE.title)).toBe(true);
    expect(mine.slice(0, 4).map((r) => r.note)).toEqual(HOSTILE.labels.map(() => HOSTILE.statNote));
  });

  it('publishes a UTF-8 copy of the GB18030 original, linked from the report page', () => {
    const $ = load(text(`reports/${ID}/index.html`));
    const source = readFileSync(join(sandbox.dir, `content/reports/${ID}.mdx`), 'utf8');
    const file = /^ {2}file: (.+)$/m.exec(source)![1]!;
    const view = file.replace(/\.txt$/, '.utf8.txt');
    expect($(`a[href="${BASE}originals/${view}"]`).length).toBe(1);
    expect(readFileSync(join(dist, 'originals', file)).equals(iconv.encode(RAW, 'gb18030'))).toBe(true);
    expect(text(`originals/${view}`)).toBe(`\uFEFF${RAW}`);
  });

  it('writes no copy of a UTF-8 original, which GitHub Pages serves as UTF-8 text already', () => {
    // The archive the site was built from (the fixture's, not the live ones).
    const originals = contentDir('originals', FIXTURE_ROOT);
    const names = readdirSync(originals).filter((n) => !n.startsWith('.'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(decodeSource(readFileSync(join(originals, name))).encoding).toMatch(/^UTF-8/);
      expect(existsSync(join(dist, 'originals', name.replace(/\.txt$/, '.utf8.txt')))).toBe(false);
    }
  });
});

describe('in Chromium under the policy', () => {
  it('shows the hostile report as written: no dialog, no error, no violation', async () => {
    const { page, problems } = await site.visit(`reports/${ID}/`);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE.title);
    expect(await page.locator('.report__subtitle').textContent()).toBe(`——${HOSTILE.subtitle}`);
    expect(await page.locator('.report__byline').textContent()).toContain(HOSTILE.authors[0]!.name);
    const body = await page.locator('main').textContent();
    for (const t of [
      HOSTILE.summary,
      HOSTILE.note,
      HOSTILE.sourceNote,
      HOSTILE.furniture,
      '</script><script>alert(10)</script>',
      '<img src=x onerror=alert(11)>',
    ]) {
      expect(body).toContain(t);
    }
    expect(await page.title()).toContain(HOSTILE.title.trim());
    expect(await page.locator('script:not([src]):not([type])').count()).toBe(1); // the hashed theme script only
    await page.waitForLoadState('networkidle');
    expect(await problems()).toEqual([]);
  });

  it('loads every page type with its scripts running and zero violations or errors', async () => {
    const metric = readdirSync(join(dist, 'data'), { withFileTypes: true }).find((d) => d.isDirectory())!.name;
    const paths = [
      '',
      'reports/',
      `reports/${ID}/`,
      'reports/nantong-2008-bridge-port/',
      'regions/',
      'regions/jiangsu/',
      'years/',
      'years/2023/',
      'topics/',
      'topics/organising/',
      'data/',
      `data/${metric}/`,
      'search/',
      'no-such-page/',
    ];
    // A saved dark theme applied before paint shows that the hashed inline script ran.
    const { page } = await site.visit('');
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    for (const path of paths) {
      const { problems } = await site.visit(path, { missing: path === 'no-such-page/' });
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.dataset.theme), path).toBe('dark');
      expect(await page.locator('#theme-toggle').isVisible(), `${path}: theme toggle script ran`).toBe(true);
      expect(await problems(), path).toEqual([]);
    }
    await page.evaluate(() => localStorage.removeItem('theme'));
  });

  it('moves focus to the search box with the / shortcut (bundled script)', async () => {
    const { page } = await site.visit('reports/');
    await page.locator('body').press('/');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-shortcut'))).toBe(true);
  });

  it('searches on the page (Pagefind without its worker: wasm-unsafe-eval) and lists the hostile report as text', async () => {
    const { page, problems } = await site.visit(`search/?q=${encodeURIComponent('职工之家')}`);
    const link = page.locator(`a[href="${BASE}reports/${ID}/"]`);
    await link.first().waitFor({ timeout: 30_000 });
    expect(await link.first().textContent()).toContain('职工之家');
    expect(await problems()).toEqual([]);
  });

  it('shows the UTF-8 copy of a GB18030 original correctly even when served without a charset', async () => {
    const source = readFileSync(join(sandbox.dir, `content/reports/${ID}.mdx`), 'utf8');
    const view = /^ {2}file: (.+)$/m.exec(source)![1]!.replace(/\.txt$/, '.utf8.txt');
    const page = await site.browser.newPage();
    await page.route(`**/originals/${view}`, (route) =>
      route.fulfill({ body: readFileSync(join(dist, 'originals', view)), contentType: 'text/plain' }),
    );
    await page.goto(site.url(`originals/${view}`));
    expect(await page.locator('body').innerText()).toContain('新建职工之家128个');
    await page.close();
  });
});
