/**
 * Synthetic archives for the benchmark: N reports made from the seed articles' blocks, sampled and
 * shuffled, with numbers varied in blocks that carry no statistic, plus generated statistic sentences,
 * so the index is not a few texts repeated. Every statistic's quote stands verbatim in its body and
 * states its value, so the real content checks pass. Seeded: the same seed gives the same archive, and
 * report i does not depend on N (a larger archive contains the smaller one).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { contentDir } from '../../src/lib/content-paths.ts';
import { recordOriginalsFixity } from '../../src/lib/fixity.ts';
import { formatQuantity, type Qualifier } from '../../src/lib/numbers.ts';
import type { StatEntry } from '../../src/schemas/index.ts';
import { createRandom, type Random } from '../shared/prng.ts';
import type { NamedEntry, SeedCorpus, SeedStat } from './seeds.ts';

export type GeneratedStat = StatEntry;

export interface GeneratedFrontmatter {
  title: string;
  subtitle: string;
  authors: { name: string; role: string }[];
  region: string;
  year: number;
  date: { value: string; precision: 'year' | 'month'; inferred: false };
  period: { from: number; to: number };
  topics: string[];
  summary: string;
  source: { file: string; extent: string; notes: string[] };
  stats: (GeneratedStat | SeedStat)[];
  notes: string[];
}

export interface GeneratedReport {
  id: string;
  data: GeneratedFrontmatter;
  body: string;
  /** The whole .mdx file. */
  text: string;
}

export interface GenerateOptions {
  count: number;
  seed: string;
  /** Publication years are drawn from this span, inclusive. */
  years?: { from: number; to: number };
}

export const DEFAULT_YEARS: { readonly from: number; readonly to: number } = { from: 1995, to: 2025 };

/** Generated statistic sentences: metric, what was counted, and the range of plausible values. */
const FIGURES = [
  { metric: 'grassroots-unions', phrase: '基层工会组织达到', unit: '个', min: 300, max: 80_000 },
  { metric: 'union-members', phrase: '工会会员发展到', unit: '人', min: 20_000, max: 6_000_000 },
  { metric: 'assistance-funds', phrase: '发放帮扶救助资金', unit: '元', min: 200_000, max: 900_000_000 },
  { metric: 'workers-trained', phrase: '培训职工', unit: '人次', min: 1_000, max: 2_000_000 },
  { metric: 'job-placements', phrase: '帮助下岗失业人员实现就业', unit: '人', min: 200, max: 300_000 },
  { metric: 'legal-aid-cases', phrase: '办理法律援助案件', unit: '件', min: 20, max: 20_000 },
  { metric: 'collective-contracts', phrase: '签订集体合同', unit: '份', min: 100, max: 90_000 },
  { metric: 'health-checks', phrase: '组织职工免费健康体检', unit: '人', min: 500, max: 800_000 },
  { metric: 'innovation-studios', phrase: '命名职工创新工作室', unit: '个', min: 5, max: 3_000 },
  { metric: 'unionisation-rate', phrase: '企业工会组建率达到', unit: '%', min: 30, max: 99 },
] as const;

const LEADS = ['截至{year}年底，', '{year}年，', '过去一年，', '全年', '一年来，'] as const;
const QUALIFIER_CHOICES: readonly (Qualifier | undefined)[] = [
  undefined,
  undefined,
  undefined,
  '多',
  '余',
  '近',
  '约',
  '超过',
  '以上',
  '左右',
];
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎',
];
const GIVEN = [...'建国玉明志平奎波海峰春华文军红梅晓东丽娟秀英伟强永刚金凤桂兰德胜占山宝林振兴立新爱民德福'];
const TITLE_OPENINGS = [
  '凝心聚力',
  '砥砺奋进',
  '开拓创新',
  '真情服务',
  '建功立业',
  '固本强基',
  '守正创新',
  '勇毅前行',
  '乘势而上',
  '履职尽责',
];
const TITLE_ENDINGS = ['纪实', '综述', '回眸', '巡礼', '侧记', '报告'];

/** Any number except a year changes, keeping its shape (digit count, decimals): 23711 → 58204, 2.5 → 7.1. */
export function varyNumbers(text: string, random: Random): string {
  return text.replace(/\d+(?:\.\d+)?/g, (number) => {
    if (/^(19|20)\d\d$/.test(number)) return number;
    const [whole = '', fraction] = number.split('.');
    const digits = (length: number, leading: boolean) =>
      Array.from({ length }, (_, i) => String(i === 0 && leading ? random.int(1, 9) : random.int(0, 9))).join('');
    const varied = whole === '0' ? '0' : digits(whole.length, true);
    return fraction === undefined ? varied : `${varied}.${digits(fraction.length, false)}`;
  });
}

/** A value as reports print them: exact small counts, larger ones often rounded to 2–3 significant digits. */
function figureValue(random: Random, min: number, max: number, unit: string): number {
  if (unit === '%') return random.int(min * 10, max * 10) / 10;
  const raw = Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min)));
  if (raw < 1000 || random.next() < 0.3) return Math.max(1, Math.round(raw));
  const step = 10 ** (Math.floor(Math.log10(raw)) - random.int(1, 2));
  return Math.round(raw / step) * step;
}

function personName(random: Random): string {
  return random.pick(SURNAMES) + random.sample(GIVEN, random.int(1, 2)).join('');
}

/** 劳动竞赛 → 劳动竞赛工作, but 女职工工作 stays. */
const workName = (topic: string) => (topic.endsWith('工作') ? topic : `${topic}工作`);

const nameOf = (entries: readonly NamedEntry[], id: string) => entries.find((e) => e.id === id)?.name ?? id;

/** One generated report; depends only on the corpus, the seed and its number. */
export function generateReport(
  corpus: SeedCorpus,
  index: number,
  seed: string,
  years: { from: number; to: number } = DEFAULT_YEARS,
): GeneratedReport {
  const random = createRandom(`${seed}:${index}`);
  // Round-robin over regions, so every region is present as soon as N reaches their number.
  const region = corpus.regions[index % corpus.regions.length]!;
  const year = random.int(years.from, years.to);
  const period = { from: year - random.int(0, 5), to: year };
  const topics = random.sample(corpus.topics, random.int(1, 5)).map((t) => t.id);
  const topicNames = topics.map((id) => nameOf(corpus.topics, id));
  const author = personName(random);
  const role = `${region.name}总工会主席`;

  const opening =
    `${year}年，${region.name}总工会召开全委（扩大）会议，${role}${author}作工作报告，` +
    `回顾${period.from}年至${period.to}年全${region.name.slice(-1)}各级工会围绕${topicNames.join('、')}开展的工作。`;

  // Seed blocks keep their statistics verbatim; blocks without statistics get varied numbers.
  const pieces: { source: string; stats: (GeneratedStat | SeedStat)[] }[] = random
    .sample(corpus.blocks, random.int(8, 24))
    .map((block) =>
      block.stats.length
        ? { source: block.source, stats: block.stats }
        : { source: varyNumbers(block.source, random), stats: [] },
    );

  const figureCount = random.int(2, 5);
  for (const figure of random.sample(FIGURES, figureCount)) {
    const metric = corpus.metrics.get(figure.metric);
    if (!metric) throw new Error(`benchmark figure uses an unknown metric: ${figure.metric}`);
    const value = figureValue(random, figure.min, figure.max, figure.unit);
    const qualifier = random.pick(QUALIFIER_CHOICES);
    const printed = formatQuantity({ value, unit: figure.unit, ...(qualifier ? { qualifier } : {}) });
    const quote = `${region.name}${figure.phrase}${printed}`;
    const stat: GeneratedStat = {
      metric: figure.metric,
      label: `${metric.name}（${year}年）`,
      value,
      unit: figure.unit,
      ...(qualifier ? { qualifier } : {}),
      year,
      quote,
    };
    const lead = random.pick(LEADS).replace('{year}', String(year));
    pieces.splice(random.int(0, pieces.length), 0, { source: `${lead}${quote}。`, stats: [stat] });
  }

  const body = `${[opening, ...pieces.map((p) => p.source)].join('\n\n')}\n`;
  const id = `bench-${String(index + 1).padStart(5, '0')}-${region.id}-${year}`;
  const data: GeneratedFrontmatter = {
    title: `${random.pick(TITLE_OPENINGS)} ${region.name}工会${workName(topicNames[0] ?? '')}${random.pick(TITLE_ENDINGS)}（第${index + 1}篇）`,
    subtitle: `${period.from}—${period.to}年${region.name}工会工作回顾`,
    authors: [{ name: author, role }],
    region: region.id,
    year,
    date:
      random.next() < 0.5
        ? { value: String(year), precision: 'year', inferred: false }
        : { value: `${year}-${String(random.int(1, 12)).padStart(2, '0')}`, precision: 'month', inferred: false },
    period,
    topics,
    summary: `${role}${author}的工作报告（基准测试合成文本），回顾${period.from}—${period.to}年${topicNames.join('、')}等方面的工作。`,
    source: {
      file: `${id}.txt`,
      extent: '基准测试合成文本：由档案文章的段落抽样、打乱并改动数字拼成，不对应原文件中的任何段落。',
      notes: [],
    },
    stats: pieces.flatMap((p) => p.stats),
    notes: ['本篇为性能基准测试生成的合成报道，不是真实文献。'],
  };
  return { id, data, body, text: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}` };
}

export function generateReports(
  corpus: SeedCorpus,
  { count, seed, years = DEFAULT_YEARS }: GenerateOptions,
): GeneratedReport[] {
  return Array.from({ length: count }, (_, i) => generateReport(corpus, i, seed, years));
}

export function writeReports(dir: string, reports: readonly GeneratedReport[]): void {
  for (const report of reports) writeFileSync(join(dir, `${report.id}.mdx`), report.text);
}

/**
 * Each report's own original (its synthetic body, as a real archive has one source file a report, and the
 * build refuses two reports cut from the same passage), recorded in the project's fixity manifest.
 */
export function writeOriginals(projectDir: string, reports: readonly GeneratedReport[]): void {
  const originals = reports.map((report) => ({
    name: report.data.source.file,
    bytes: Buffer.from(report.body, 'utf8'),
  }));
  for (const { name, bytes } of originals) writeFileSync(join(contentDir('originals', projectDir), name), bytes);
  recordOriginalsFixity(projectDir, originals);
}

export interface CorpusSummary {
  reports: number;
  stats: number;
  /** Characters of MDX body over all reports. */
  bodyChars: number;
  /** Bytes of the .mdx files (frontmatter + body), UTF-8. */
  mdxBytes: number;
  regions: number;
  years: number;
  topics: number;
}

export function summarize(reports: readonly GeneratedReport[]): CorpusSummary {
  return {
    reports: reports.length,
    stats: reports.reduce((sum, r) => sum + r.data.stats.length, 0),
    bodyChars: reports.reduce((sum, r) => sum + r.body.length, 0),
    mdxBytes: reports.reduce((sum, r) => sum + Buffer.byteLength(r.text), 0),
    regions: new Set(reports.map((r) => r.data.region)).size,
    years: new Set(reports.map((r) => r.data.year)).size,
    topics: new Set(reports.flatMap((r) => r.data.topics)).size,
  };
}
