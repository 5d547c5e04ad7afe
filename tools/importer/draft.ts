/**
 * From a source file's bytes to a draft article: decodes, reads the layout, takes region, date and
 * topics from the manifest or flags, else infers them on strong evidence only (a field it cannot infer
 * is reported missing, all of them in one message), lists candidate statistics and renders the MDX
 * (frontmatter + escaped body). Pure: reading vocabularies and writing files is write.ts's job.
 */
import { createHash } from 'node:crypto';
import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import { normalizeLineEndings } from '../../src/lib/normalize.ts';
import type { MetricEntry } from './assign-metric.ts';
import { findCandidates, type CandidateStat } from './candidates.ts';
import { UNASSIGNED_METRIC } from '../../src/lib/report-checks.ts';
import { DecodeError, decodeSource, type DecodedSource, type SourceEncoding } from '../../src/lib/decode.ts';
import { ImportError } from './errors.ts';
import { escapeMdxText, jsxAttribute } from './escape-mdx.ts';
import {
  inferRegion,
  RegionMatcher,
  regionAliases,
  suggestTopics,
  type RegionEntry,
  type RegionGuess,
  type TopicEntry,
  type TopicGuess,
} from './infer.ts';
import { bodyYear, datelineDate, dateFromFileName, parseDate, type FoundDate } from './publication-date.ts';
import { isSignatureLine, readStructure, type BodyBlock, type ReportStructure } from './structure.ts';

export interface Vocabularies {
  regions: RegionEntry[];
  topics: TopicEntry[];
  metrics: MetricEntry[];
}

export interface DraftOptions {
  /** Region slug or Chinese name (呼和浩特市, 呼和浩特); inferred when absent. */
  region?: string | undefined;
  year?: number | undefined;
  /** Publication date from the manifest: 2024, 2024-01, 2024-01-24 or 2024年1月24日. */
  date?: string | undefined;
  /** The file's name, which may carry the date (report-20240124.txt). */
  fileName?: string | undefined;
  /** Title and authors from the manifest, over what the layout shows. */
  title?: string | undefined;
  authors?: string[] | undefined;
  topics?: string[] | undefined;
  id?: string | undefined;
  /** Import only these lines of the file (1-based, inclusive), e.g. one of two articles in it. */
  lines?: { from: number; to: number } | undefined;
  /** Name of an identical original already in public/originals/, to link instead of a copy. */
  existingOriginal?: string | undefined;
  /** Most candidate statistics listed. */
  candidateLimit?: number | undefined;
}

/** Where the year came from, most trusted first. */
export type YearSource = 'given' | 'manifest' | 'file-name' | 'dateline' | 'body';

export interface Draft {
  id: string;
  /** Hash of the decoded text: the same report in any encoding has the same digest. */
  textDigest: string;
  /** File name of the original under public/originals/. */
  originalName: string;
  mdx: string;
  encoding: SourceEncoding;
  structure: ReportStructure;
  region: { id: string; name: string; inferred: boolean; evidence?: string | undefined; candidates: RegionGuess[] };
  year: { value: number; source: YearSource; evidence?: string | undefined };
  topics: { ids: string[]; inferred: boolean; guesses: TopicGuess[] };
  stats: { listed: number; found: number; assigned: number };
  /** What the reviewer must look at first (a low-confidence year …). */
  warnings: string[];
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PLACEHOLDER_SUMMARY = '待编者撰写摘要。';
/** How many line-level details (joins, captions) the source notes spell out before summarising. */
const NOTE_DETAIL_LIMIT = 40;

/** A region by slug, Chinese name or short form; a name several regions share must be given as a slug. */
function resolveRegion(wanted: string, regions: readonly RegionEntry[]): RegionEntry {
  const byId = regions.find((r) => r.id === wanted);
  if (byId) return byId;
  const byName = regions.filter((r) => r.name === wanted);
  const matches = byName.length > 0 ? byName : regions.filter((r) => regionAliases(r).includes(wanted));
  const listed = (list: readonly RegionEntry[]) =>
    list
      .map((r) => `${r.id}（${r.parent ? `${regions.find((p) => p.id === r.parent)?.name ?? ''}` : ''}${r.name}）`)
      .join('、');
  if (matches.length === 1) return matches[0] as RegionEntry;
  if (matches.length > 1) {
    throw new ImportError(
      'unknown-region',
      `地区名“${wanted}”有 ${matches.length} 个：${listed(matches)}，请用标识 / ` +
        `region name "${wanted}" is ambiguous: use one of ${matches.map((r) => r.id).join(', ')}`,
    );
  }
  const similar = regions.filter((r) => r.name.includes(wanted) || wanted.includes(r.short ?? r.name)).slice(0, 5);
  const hint = similar.length ? `相近的有：${listed(similar)}` : '请用 content/regions.json 中的标识或中文名';
  throw new ImportError(
    'unknown-region',
    `未知地区“${wanted}”：${hint} / unknown region "${wanted}"${similar.length ? `; similar: ${similar.map((r) => r.id).join(', ')}` : ''}`,
  );
}

function resolveTopics(wanted: readonly string[], topics: readonly TopicEntry[]): string[] {
  return wanted.map((slug) => {
    const found = topics.find((t) => t.id === slug || t.name === slug);
    if (found) return found.id;
    throw new ImportError(
      'unknown-topic',
      `未知主题“${slug}”：主题须为 content/topics/ 中已有的条目：${topics.map((t) => t.id).join('、')} / unknown topic "${slug}"`,
    );
  });
}

/** The text inside the chosen lines; other lines are blanked so line numbers stay those of the file. */
function selectLines(text: string, lines: DraftOptions['lines']): string {
  if (!lines) return text;
  const all = normalizeLineEndings(text).split('\n');
  if (lines.from < 1 || lines.to < lines.from || lines.from > all.length) {
    throw new ImportError(
      'usage',
      `行范围 ${lines.from}-${lines.to} 无效：文件共 ${all.length} 行 / ` +
        `invalid line range ${lines.from}-${lines.to}: the file has ${all.length} lines`,
    );
  }
  return all.map((line, i) => (i + 1 >= lines.from && i + 1 <= lines.to ? line : '')).join('\n');
}

const quoted = (text: string) => `“${text}”`;

function listLines(numbers: readonly number[]): string {
  const shown = numbers.slice(0, NOTE_DETAIL_LIMIT).join('、');
  return numbers.length > NOTE_DETAIL_LIMIT ? `${shown}等共 ${numbers.length} 处` : shown;
}

function sourceNotes(structure: ReportStructure, stats: { listed: number; found: number }): string[] {
  // The file's encoding is reported by the importer, not recorded here: the same report in any
  // encoding makes the same article.
  const notes = ['原件按原字节保存，未作改动。'];
  if (structure.titleSource === 'placeholder') {
    notes.push(
      `原文开头没有可识别的标题行，标题${quoted(structure.title)}为导入程序暂拟，首行仍在正文中，待编者拟定标题。`,
    );
  }
  for (const line of [...structure.banners, ...structure.furniture]) {
    notes.push(`第${line.line}行${quoted(line.text)}为版面杂项（${line.reason}），移出正文。`);
  }
  const signatures = structure.blocks
    .filter((b) => b.kind === 'paragraph' && isSignatureLine(b.text))
    .flatMap((b) => b.lines);
  if (signatures.length > 0)
    notes.push(`第${listLines(signatures)}行识别为落款（署名单位、职务姓名或日期），作为正文保留，不作小标题。`);
  for (const line of structure.bylines) {
    notes.push(`第${line.line}行${line.reason}${quoted(line.text)}移出正文，作者著录于作者栏。`);
  }
  const captions = structure.blocks.filter((b) => b.kind === 'caption').flatMap((b) => b.lines);
  if (captions.length > 0)
    notes.push(`第${listLines(captions)}行识别为图片说明（照片未收入档案），按原位置保留为图片说明。`);
  if (structure.joins.length > 0) {
    const shown = structure.joins
      .slice(0, NOTE_DETAIL_LIMIT)
      .map((j) => `第${j.lines.join('/')}行（${j.before}｜${j.after}）`)
      .join('、');
    const more = structure.joins.length > NOTE_DETAIL_LIMIT ? `等共 ${structure.joins.length} 处` : '';
    notes.push(`OCR 断行已按规范化规则接排：${shown}${more}。接排处也可能是原文缺漏，校对时请核对。`);
  }
  if (structure.pageBreaks) notes.push('原文含换页符，按换行处理。');
  if (stats.found > stats.listed)
    notes.push(`文中共有 ${stats.found} 处带单位的数字，统计候选只列出前 ${stats.listed} 条。`);
  return notes;
}

function extent(structure: ReportStructure, lines: DraftOptions['lines']): string {
  const parts = [
    lines
      ? `第${lines.from}—${lines.to}行由导入程序作为一篇报道导入（文件其余部分未导入）`
      : '全文由导入程序作为一篇报道导入',
  ];
  if (structure.titleLines.length > 0 && structure.titleSource !== 'placeholder')
    parts.push(`标题在第${structure.titleLines.join('、')}行`);
  if (structure.subtitleLine !== undefined) parts.push(`副题在第${structure.subtitleLine}行`);
  if (structure.bylines.length > 0) parts.push(`署名在第${structure.bylines.map((b) => b.line).join('、')}行`);
  return `${parts.join('；')}。待编者核对。`;
}

/** The MDX body: one block per paragraph, heading, caption or note, every text escaped. */
export function renderBody(blocks: readonly BodyBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    const text = escapeMdxText(block.text);
    if (block.kind === 'note') out.push(`<Note ${jsxAttribute('text', block.text)} />`);
    else if (text === '') continue;
    else if (block.kind === 'heading') out.push(`${'#'.repeat(block.level)} ${text}`);
    else if (block.kind === 'caption') out.push(`<Caption>${text}</Caption>`);
    else out.push(text);
  }
  return out.join('\n\n');
}

/**
 * The frontmatter as YAML, each suggested metric marked as such beside it, with the noun it was matched
 * by (a comment: no stat field, so nothing for the reviewer to delete): `metric: rest-stations # 建议…`.
 */
function frontmatterYaml(frontmatter: Record<string, unknown>, candidates: readonly CandidateStat[]): string {
  const doc = new Document({ ...frontmatter, stats: candidates.map(({ countedNoun: _, ...stat }) => stat) });
  const stats = doc.get('stats', true);
  candidates.forEach((candidate, i) => {
    const item = isSeq(stats) ? stats.items[i] : undefined;
    const metric = isMap(item) ? item.get('metric', true) : undefined;
    if (candidate.countedNoun !== undefined && isScalar(metric)) {
      metric.comment = ` 建议指标，未核对：数字所计为“${candidate.countedNoun}”`;
    }
  });
  return doc.toString({ lineWidth: 0 });
}

/** The region matcher of a vocabulary, built once per run (thousands of names). */
const matchers = new WeakMap<readonly RegionEntry[], RegionMatcher>();
function matcherOf(regions: readonly RegionEntry[]): RegionMatcher {
  let matcher = matchers.get(regions);
  if (!matcher) matchers.set(regions, (matcher = new RegionMatcher(regions)));
  return matcher;
}

/** A date as the manifest gives it: 2024, 2024-01, 2024-01-24, 2024/1/24 or 2024年1月24日. */
export function parseGivenDate(value: string): FoundDate {
  const date = parseDate(value.trim());
  if (!date || date.evidence.replace(/\s/gu, '') !== value.replace(/\s/gu, '').replace(/年$/u, '')) {
    throw new ImportError(
      'bad-year',
      `日期“${value}”无效：写作 2024、2024-01、2024-01-24 或 2024年1月24日 / invalid date "${value}"`,
    );
  }
  return date;
}

interface YearChoice {
  value: number;
  source: YearSource;
  evidence?: string;
  date?: { value: string; precision: FoundDate['precision']; inferred: boolean; note: string };
}

/** The year of a found date, with the date itself and a note that says where it was found. */
function yearOfDate(source: YearSource, date: FoundDate, inferred: boolean, note: string): YearChoice {
  const { year, evidence, value, precision } = date;
  return { value: year, source, evidence, date: { value, precision, inferred, note } };
}

/** The year by the order of trust: flag, manifest, file name, dateline or print line; the body only as a marked guess. */
function chooseYear(options: DraftOptions, text: string): YearChoice | undefined {
  if (options.date !== undefined) {
    return yearOfDate('manifest', parseGivenDate(options.date), false, '日期由导入清单给出。');
  }
  if (options.year !== undefined) return { value: options.year, source: 'given' };
  const fromName = options.fileName === undefined ? undefined : dateFromFileName(options.fileName);
  if (fromName) {
    return yearOfDate('file-name', fromName, true, `日期取自原件文件名（${fromName.evidence}），原文未印，待核对。`);
  }
  const printed = datelineDate(text);
  if (printed) {
    return yearOfDate('dateline', printed, false, `日期据原文电头或印刷行：${quoted(printed.evidence)}。`);
  }
  const guess = bodyYear(text);
  if (!guess) return undefined;
  return yearOfDate(
    'body',
    { ...guess, value: String(guess.year), precision: 'year' },
    true,
    `低可信度推测：原文无日期，导入程序取正文提及的年份（${guess.evidence}），校对时须与原件或出处核实。`,
  );
}

/** The text of the bytes, or the decoder's reason as the importer's refusal. */
function decodeOrRefuse(bytes: Uint8Array): DecodedSource {
  try {
    return decodeSource(bytes);
  } catch (error) {
    if (error instanceof DecodeError) throw new ImportError(error.code, error.message);
    throw error;
  }
}

/** The flags and manifest values, checked before the file is read, so a bad one is reported as such. */
function checkGivenValues(options: DraftOptions, vocabularies: Vocabularies) {
  if (options.id !== undefined && !ID_PATTERN.test(options.id)) {
    throw new ImportError(
      'bad-id',
      `标识“${options.id}”无效：只能用小写字母、数字和连字符（如 hohhot-2015-review）/ invalid id "${options.id}": use lowercase letters, digits and hyphens`,
    );
  }
  if (options.year !== undefined && !(Number.isInteger(options.year) && options.year >= 1900 && options.year <= 2100)) {
    throw new ImportError(
      'bad-year',
      `年份“${options.year}”无效：须为 1900–2100 之间的整数 / invalid year "${options.year}"`,
    );
  }
  if (options.date !== undefined) parseGivenDate(options.date);
  const chosenRegion = options.region !== undefined ? resolveRegion(options.region, vocabularies.regions) : undefined;
  const chosenTopics = options.topics?.length ? resolveTopics(options.topics, vocabularies.topics) : undefined;
  return { chosenRegion, chosenTopics };
}

/** The manifest's title and authors over what the layout shows. */
function applyManifest(structure: ReportStructure, options: DraftOptions): void {
  if (options.title !== undefined && options.title.trim() !== '') {
    structure.title = options.title.trim();
    if (structure.titleSource === 'placeholder') structure.titleSource = 'marked';
  }
  if (options.authors?.length) {
    // The manifest names the authors; the printed byline still says as what (本报记者 乌云).
    const printed = new Map(structure.authors.map((a) => [a.name, a.role]));
    structure.authors = options.authors.map((name) => {
      const role = printed.get(name);
      return role ? { name, role } : { name };
    });
  }
}

/** The file read: its text, the chosen lines and their layout; a file with nothing to import is refused. */
function readSource(bytes: Uint8Array, options: DraftOptions) {
  const { text, encoding } = decodeOrRefuse(bytes);
  const selected = selectLines(text, options.lines);
  const structure = readStructure(selected);
  applyManifest(structure, options);
  const body = structure.blocks
    .filter((b) => b.kind !== 'note')
    .map((b) => b.text)
    .join('\n');
  const removed = [...structure.banners, ...structure.furniture, ...structure.bylines];
  if (body.trim() === '' && removed.length === 0 && structure.titleSource === 'placeholder') {
    throw new ImportError('empty', '没有可导入的文字（只有空白或标记）/ nothing to import (only whitespace or marks)');
  }
  const headline = `${structure.title}\n${structure.subtitle ?? ''}`;
  return { text, encoding, selected, structure, body, headline };
}

/** Region, year and topics: given, else inferred; every one that is neither is reported, all in one message. */
function chooseFields(
  options: DraftOptions,
  vocabularies: Vocabularies,
  given: ReturnType<typeof checkGivenValues>,
  source: ReturnType<typeof readSource>,
) {
  const { chosenRegion, chosenTopics } = given;
  const { headline, body } = source;
  const missing: string[] = [];
  const regionGuess = chosenRegion ? undefined : inferRegion(headline, body, matcherOf(vocabularies.regions));
  const regionEntry = chosenRegion ?? regionGuess?.region;
  if (!regionEntry) {
    const named = regionGuess?.candidates
      .slice(0, 3)
      .map((c) => `${c.id} ${c.name}`)
      .join('、');
    missing.push(
      `地区 region（${regionGuess?.evidence ?? ''}${named ? `；文中提到：${named}` : ''}）→ --region 或清单的 region 列`,
    );
  }
  const year = chooseYear(options, source.selected);
  if (!year) missing.push('年份 year（文件名、电头和正文都没有可用的年份）→ --year 或清单的 date 列');
  const topicGuesses = chosenTopics ? [] : suggestTopics(headline, body, vocabularies.topics);
  const topics = chosenTopics ?? topicGuesses.map((t) => t.id);
  if (topics.length === 0) missing.push('主题 topics（标题无主题词，正文主题词不足三个）→ --topics 或清单的 topics 列');
  if (!regionEntry || !year || topics.length === 0) {
    throw new ImportError(
      'missing',
      `缺少 ${missing.length} 项，无法推断 / ${missing.length} field(s) missing:\n  - ${missing.join('\n  - ')}`,
    );
  }
  return { regionEntry, regionGuess, year, topics, topicGuesses };
}

type Fields = ReturnType<typeof chooseFields>;
type DraftStats = Draft['stats'];

/** The candidate statistics of the body's prose (not headings or notes), and how many got a metric. */
function listCandidates(structure: ReportStructure, vocabularies: Vocabularies, options: DraftOptions) {
  const { candidates, found } = findCandidates(
    structure.blocks.filter((b) => b.kind !== 'note' && b.kind !== 'heading').map((b) => b.text),
    vocabularies.metrics,
    { limit: options.candidateLimit },
  );
  const stats: DraftStats = {
    listed: candidates.length,
    found,
    assigned: candidates.filter((c) => c.metric !== UNASSIGNED_METRIC).length,
  };
  return { candidates, stats };
}

/** What the reviewer must look at first. */
function draftWarnings(year: YearChoice, stats: DraftStats): string[] {
  const warnings: string[] = [];
  if (year.source === 'body') warnings.push(`年份 ${year.value} 仅据正文推测（${year.evidence}），低可信度，须核实`);
  if (stats.listed > stats.assigned) warnings.push(`${stats.listed - stats.assigned} 条统计候选未归类（unassigned）`);
  return warnings;
}

/** The draft's `source` field: the original file, the extent imported, what left the body and why. */
function sourceField(
  structure: ReportStructure,
  options: DraftOptions,
  originalName: string,
  stats: DraftStats,
): Record<string, unknown> {
  const source: Record<string, unknown> = { file: originalName };
  if (options.lines) source.lines = options.lines;
  source.extent = extent(structure, options.lines);
  source.furniture = [...structure.banners, ...structure.furniture].map((l) => l.text);
  source.notes = sourceNotes(structure, stats);
  return source;
}

/** The frontmatter, fields in the order the archive's articles have them. */
function draftFrontmatter(
  structure: ReportStructure,
  fields: Fields,
  source: Record<string, unknown>,
  candidates: CandidateStat[],
): Record<string, unknown> {
  const { regionEntry, regionGuess, year, topics } = fields;
  const frontmatter: Record<string, unknown> = { title: structure.title };
  if (structure.subtitle !== undefined) frontmatter.subtitle = structure.subtitle;
  frontmatter.authors = structure.authors;
  frontmatter.region = regionEntry.id;
  frontmatter.year = year.value;
  if (year.date) {
    // Quoted: the site's YAML reader (YAML 1.1) would read an unquoted 2024-01-24 as a timestamp.
    const value = new Scalar(year.date.value);
    value.type = Scalar.QUOTE_DOUBLE;
    frontmatter.date = { ...year.date, value };
  }
  frontmatter.period = { from: year.value, to: year.value };
  frontmatter.topics = topics;
  frontmatter.summary = PLACEHOLDER_SUMMARY;
  frontmatter.source = source;
  frontmatter.stats = candidates;
  const notes = [
    '本文由导入程序（npm run import）从原始 OCR 文本生成，尚未校对：标题、副题、作者、地区、年份、时期、主题、小标题、图片说明和统计候选均为程序推测，须与原件逐项核对；摘要待写。校对完成后把 reviewed 改为 true。',
  ];
  if (regionGuess?.region) notes.push(`地区据${regionGuess.evidence}推定，待核对。`);
  if (year.source === 'body') notes.push(`年份为低可信度推测（${year.evidence}），校对时须确认。`);
  frontmatter.notes = notes;
  frontmatter.reviewed = false;
  return frontmatter;
}

/** A draft of the file: every step above in turn, each refusing with an ImportError what it cannot do. */
export function buildDraft(bytes: Uint8Array, vocabularies: Vocabularies, options: DraftOptions = {}): Draft {
  const given = checkGivenValues(options, vocabularies);
  const source = readSource(bytes, options);
  const { structure } = source;
  const fields = chooseFields(options, vocabularies, given, source);
  const { regionEntry, regionGuess, year, topics, topicGuesses } = fields;

  // Hash of the text, not the bytes: the same report in another encoding gets the same id.
  const textDigest = createHash('sha256').update(normalizeLineEndings(source.text)).digest('hex');
  const id = options.id ?? `${regionEntry.id}-${year.value}-${textDigest.slice(0, 8)}`;
  const originalName = options.existingOriginal ?? `${id}.txt`;
  const { candidates, stats } = listCandidates(structure, vocabularies, options);
  const warnings = draftWarnings(year, stats);
  const frontmatter = draftFrontmatter(
    structure,
    fields,
    sourceField(structure, options, originalName, stats),
    candidates,
  );

  const mdx = `---\n${frontmatterYaml(frontmatter, candidates)}---\n\n${renderBody(structure.blocks)}\n`;
  return {
    id,
    textDigest,
    originalName,
    mdx,
    encoding: source.encoding,
    structure,
    region: {
      id: regionEntry.id,
      name: regionEntry.name,
      inferred: !given.chosenRegion,
      evidence: regionGuess?.evidence,
      candidates: regionGuess?.candidates ?? [],
    },
    year: { value: year.value, source: year.source, evidence: year.evidence },
    topics: { ids: topics, inferred: !given.chosenTopics, guesses: topicGuesses },
    stats,
    warnings,
  };
}
