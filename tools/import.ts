// Imports raw OCR'd report files as draft articles: for each file, content/reports/<id>.mdx (marked
// reviewed: false, shown as 未校对) and the original, byte for byte, in public/originals/ — both or
// neither. One file prints what was found and inferred; many files (or folders) run as one batch, each
// file all or nothing, a refused file never stopping the others, with a progress line on a terminal
// and a final table. Exit code 1 when any file was refused, 2 for a usage error.
// Usage: npm run import -- <files and folders…> [--manifest <csv>] [--region <slug>] [--year <yyyy>]
//          [--date <date>] [--topics a,b] [--id <slug>] [--lines <from>-<to>] [--force] [--dry-run] [--root <dir>]
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeSource, describeEncoding } from '../src/lib/decode.ts';
import { buildDraft, type Draft, type DraftOptions } from './importer/draft.ts';
import { ImportError } from './importer/errors.ts';
import {
  expandInputs,
  manifestFiles,
  readManifest,
  shown,
  type Input,
  type Manifest,
  type ManifestRow,
} from './importer/manifest.ts';
import { recordOriginalFixity, withFixityLock } from '../src/lib/fixity.ts';
import {
  ArchiveIndex,
  loadVocabularies,
  projectPaths,
  sha256,
  writeAllOrNothing,
  type ProjectPaths,
} from './importer/write.ts';
import type { Vocabularies } from './importer/draft.ts';
import { normalizeLineEndings } from '../src/lib/normalize.ts';

const USAGE = `用法 / usage: npm run import -- <文件或目录 files and folders…> [选项 options]
  --manifest <csv>   导入清单：每行一个文件，列 file,id,title,date,region,topics,authors（可缺）
  --region <slug>    地区（content/regions.yaml 的标识或中文名）；默认据标题、电头或正文推断
  --year <yyyy>      年份；默认取文件名中的日期、电头或印刷行，否则据正文低可信度推测
  --date <日期>      刊出日期（2024-01-24、2024年1月24日）
  --topics a,b       主题（content/topics/ 的标识）；默认据标题和正文推断
  --id <slug>        报道标识（只用于单个文件），默认 <地区>-<年份>-<文本哈希前8位>
  --lines <a>-<b>    只导入文件的第 a–b 行（只用于单个文件）
  --force            覆盖已有的同名报道和原件，或再次导入档案里已有的原件
  --dry-run          只显示识别和推断结果，不写文件
  --root <dir>       项目根目录（默认本仓库）
目录中的 .txt 文件全部导入；清单里的值优先于选项。`;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// npm runs scripts from the package root; paths on the command line are relative to where the user was.
const userDir = process.env.INIT_CWD ?? process.cwd();

function parseLines(value: string | undefined): { from: number; to: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\s*[-–—]\s*(\d+)$/.exec(value.trim());
  if (!match)
    throw new ImportError('usage', `--lines 须为“起-止”，如 55-107 / --lines must be <from>-<to>, e.g. 55-107`);
  return { from: Number(match[1]), to: Number(match[2]) };
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim()))
    throw new ImportError('bad-year', `年份“${value}”无效：须为四位数字 / invalid year "${value}"`);
  return Number(value);
}

const topicList = (value: string | undefined) =>
  value
    ?.split(/[,，、\s]+/u)
    .map((t) => t.trim())
    .filter(Boolean);

/** At most this many characters of a long value on one console line. */
const SHOWN_CHARS = 80;
/** At most this many furniture lines in the console summary; the draft's notes list all. */
const SHOWN_FURNITURE = 8;

const clip = (text: string, max = SHOWN_CHARS) =>
  [...text].length > max ? `${[...text].slice(0, max).join('')}…（共 ${[...text].length} 字）` : text;

const YEAR_SOURCE = {
  given: '指定 / given',
  manifest: '清单 / manifest',
  'file-name': '取自文件名 / from the file name',
  dateline: '取自电头或印刷行 / from the dateline',
  body: '据正文推测，低可信度，须核实 / guessed from the body, low confidence',
} as const;

/** What one import found and did, bounded in size whatever the file (the full lists are in the draft). */
function summary(draft: Draft, file: string, size: number, root: string, written: string[] | undefined): string {
  const s = draft.structure;
  const blocks = (kind: string) => s.blocks.filter((b) => b.kind === kind).length;
  const from = (inferred: boolean) => (inferred ? '推断 / inferred' : '指定 / given');
  const others = draft.region.candidates
    .filter((c) => c.id !== draft.region.id)
    .slice(0, 3)
    .map((c) => `${c.id} ${c.name}（标题 ${c.titleHits}，正文 ${c.bodyHits}）`);
  const furniture = [...s.banners, ...s.furniture];
  const furnitureShown = furniture.slice(0, SHOWN_FURNITURE).map((l) => `第${l.line}行 ${clip(l.text, 40)}`);
  const furnitureMore =
    furniture.length > SHOWN_FURNITURE
      ? `……共 ${furniture.length} 条，完整列表见草稿的 source.furniture 和 source.notes`
      : '';
  const titleNote =
    s.titleSource === 'placeholder'
      ? '（暂拟，原文无标题行 / placeholder）'
      : s.titleLines.length
        ? `（第${s.titleLines.join('、')}行）`
        : '';
  const regionEvidence = draft.region.evidence ? `：${draft.region.evidence}` : '';
  const otherCandidates = others.length ? `；其他候选 / other candidates: ${others.join('；')}` : '';
  const statsMore =
    draft.stats.found > draft.stats.listed ? `（共 ${draft.stats.found} 条，只列前 ${draft.stats.listed} 条）` : '';
  const lines = [
    `读取 / read:       ${file}（${size} 字节 / bytes）`,
    `编码 / encoding:   ${describeEncoding(draft.encoding)}`,
    `标题 / title:      ${clip(s.title)}${titleNote}`,
    `副题 / subtitle:   ${clip(s.subtitle ?? '—')}`,
    `作者 / authors:    ${clip(s.authors.map((a) => (a.role ? `${a.role} ${a.name}` : a.name)).join('、') || '—')}`,
    `地区 / region:     ${draft.region.id} ${draft.region.name}（${from(draft.region.inferred)}${regionEvidence}）${otherCandidates}`,
    `年份 / year:       ${draft.year.value}（${YEAR_SOURCE[draft.year.source]}${draft.year.evidence ? `：${draft.year.evidence}` : ''}）`,
    `主题 / topics:     ${draft.topics.ids.join(', ')}（${from(draft.topics.inferred)}${
      draft.topics.inferred
        ? `：${draft.topics.guesses
            .map(
              (t) =>
                `${t.id} ${t.inHeadline ? '标题；' : ''}${t.hits
                  .slice(0, 4)
                  .map((h) => `${h.word}×${h.count}`)
                  .join(' ')}`,
            )
            .join('；')}`
        : ''
    }）`,
    `正文 / body:       ${blocks('paragraph')} 段，${blocks('heading')} 个小标题，${blocks('caption')} 则图片说明，接排断行 ${s.joins.length} 处`,
    `版面杂项 / furniture: ${furnitureShown.join('；') || '—'}${furnitureMore}`,
    `统计候选 / candidate stats: ${draft.stats.listed} 条，其中 ${draft.stats.assigned} 条建议了指标（待核对）${statsMore}`,
    `原件 / original:   public/originals/${draft.originalName}`,
  ];
  for (const warning of draft.warnings) lines.push(`注意 / warning:    ${warning}`);
  if (written === undefined) {
    lines.push(`试运行，未写入文件 / dry run, nothing written (content/reports/${draft.id}.mdx)`);
  } else {
    lines.push(
      `写入 / wrote:      ${written.map((p) => relative(root, p)).join('，') || '（无需写入 / nothing new）'}`,
    );
    lines.push('下一步 / next: 草稿标为“未校对”。核对正文、元数据和统计候选，写好摘要，再把 reviewed 改为 true。');
  }
  return lines.join('\n');
}

interface Defaults {
  region?: string | undefined;
  year?: number | undefined;
  date?: string | undefined;
  topics?: string[] | undefined;
  id?: string | undefined;
  lines?: { from: number; to: number } | undefined;
}

interface Context {
  root: string;
  paths: ProjectPaths;
  vocabularies: Vocabularies;
  index: ArchiveIndex;
  force: boolean;
  dryRun: boolean;
}

interface Outcome {
  file: string;
  draft?: Draft;
  written?: string[];
  bytes?: number;
  error?: ImportError;
}

/** The draft options of one file: the manifest row over the command-line defaults. */
function optionsFor(file: string, row: ManifestRow | undefined, defaults: Defaults): DraftOptions {
  const lines = row?.lines !== undefined ? parseLines(row.lines) : defaults.lines;
  return {
    region: row?.region ?? defaults.region,
    year: row?.year !== undefined ? parseYear(row.year) : defaults.year,
    date: row?.date ?? defaults.date,
    topics: row?.topics ?? defaults.topics,
    id: row?.id ?? defaults.id,
    title: row?.title,
    authors: row?.authors,
    lines,
    fileName: basename(file),
  };
}

/** The digest the drafts use for the text, for recognising an original read in another encoding. */
function textDigestOf(bytes: Uint8Array): string | undefined {
  try {
    return sha256(normalizeLineEndings(decodeSource(bytes).text));
  } catch {
    return undefined;
  }
}

/** Imports one file, all or nothing. Never throws an ImportError: it is returned. */
function importOne(file: string, options: DraftOptions, context: Context): Outcome {
  try {
    const bytes = readFileSync(file);
    const draft = buildDraft(bytes, context.vocabularies, {
      ...options,
      existingOriginal: context.index.identical(bytes),
    });
    const lines = options.lines ? `${options.lines.from}-${options.lines.to}` : undefined;
    const earlier = context.index.reimport(bytes, draft.textDigest, lines);
    if (earlier && !context.force) {
      throw new ImportError(
        'duplicate',
        `原件已在档案中：报道 ${earlier.report}（content/reports/${earlier.report}.mdx）导入的就是它（public/originals/${earlier.original}），` +
          `未再导入；如确要再导入一份，加 --force / ` +
          `already in the archive as report ${earlier.report} (original ${earlier.original}); pass --force to import it again`,
      );
    }
    const twin = context.index.sameHeading(draft.mdx);
    if (twin) {
      draft.warnings.push(
        `与报道 ${twin} 标题、日期相同：栏目标题常每天重复，不算重复报道，请核对是否另一篇 / same headline and date as ${twin}`,
      );
    }
    const target = join(context.paths.reports, `${draft.id}.mdx`);
    if (existsSync(target) && !context.force) {
      throw new ImportError(
        'exists',
        `报道标识“${draft.id}”已被使用（content/reports/${draft.id}.mdx），未覆盖；换一个 id，或加 --force 覆盖 / ` +
          `id "${draft.id}" is taken; choose another id or pass --force`,
      );
    }
    let written: string[] | undefined;
    if (!context.dryRun) {
      written = withFixityLock(context.paths.root, () => {
        const paths = writeAllOrNothing([
          {
            path: join(context.paths.originals, draft.originalName),
            bytes,
            overwrite: context.force,
            keepIfIdentical: true,
          },
          { path: target, bytes: Buffer.from(draft.mdx, 'utf8'), overwrite: context.force },
        ]);
        recordOriginalFixity(context.paths.root, draft.originalName, bytes);
        return paths;
      });
    }
    context.index.remember(draft.originalName, bytes, draft, lines);
    return { file, draft, bytes: bytes.byteLength, ...(written ? { written } : {}) };
  } catch (error) {
    if (error instanceof ImportError) return { file, error };
    if ((error as NodeJS.ErrnoException).code === 'EISDIR')
      return { file, error: new ImportError('directory', `${file} 是目录 / ${file} is a directory`) };
    throw error;
  }
}

/** One line per file: imported (with its id and warnings) or refused (with the reason). */
function finalTable(outcomes: readonly Outcome[]): string {
  const rows = outcomes.map((o) => {
    const name = shown(o.file, userDir);
    if (o.error) return [name, '拒绝 refused', o.error.message.replace(/\s*\n\s*-?\s*/gu, '；')];
    const warnings = o.draft?.warnings.length ? `；注意：${o.draft.warnings.join('；')}` : '';
    // How many candidates got a metric: each is a suggestion the review must confirm.
    const stats = o.draft ? `；统计候选 ${o.draft.stats.listed} 条，建议指标 ${o.draft.stats.assigned} 条` : '';
    return [
      name,
      '导入 imported',
      `${o.draft?.id}（${o.draft?.region.id}，${o.draft?.year.value}）${stats}${warnings}`,
    ];
  });
  const width = Math.min(60, Math.max(4, ...rows.map((r) => [...(r[0] as string)].length)));
  const pad = (text: string) => text + ' '.repeat(Math.max(1, width - [...text].length + 1));
  const imported = outcomes.filter((o) => !o.error).length;
  const warned = outcomes.filter((o) => o.draft?.warnings.length).length;
  return [
    `${pad('文件 file')}结果 result     报道或原因 report or reason`,
    ...rows.map(([name, result, detail]) => `${pad(name as string)}${result}  ${detail}`),
    `共 ${outcomes.length} 个文件：导入 ${imported}，拒绝 ${outcomes.length - imported}，有提示 ${warned} / ` +
      `${outcomes.length} files: ${imported} imported, ${outcomes.length - imported} refused, ${warned} with warnings`,
  ].join('\n');
}

const OPTIONS = {
  manifest: { type: 'string' },
  region: { type: 'string' },
  year: { type: 'string' },
  date: { type: 'string' },
  topics: { type: 'string' },
  id: { type: 'string' },
  lines: { type: 'string' },
  root: { type: 'string' },
  force: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The command line read as OPTIONS says (throws on an unknown option or a missing value). */
const readArgs = (argv: string[]) => parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
type Values = ReturnType<typeof readArgs>['values'];

/** What the command line asks for: the files and folders given, and the values of the options. */
function parseCommandLine(argv: string[]): { values: Values; positionals: string[] } | number {
  try {
    return readArgs(argv);
  } catch (error) {
    console.error(`参数错误 / bad arguments: ${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
}

/** One import's plan: the files, the manifest, the defaults every file takes and the project written to. */
interface Plan {
  inputs: Input[];
  manifest: Manifest | undefined;
  /** One file named on the command line: the detailed summary; anything else is a batch with a table. */
  single: boolean;
  defaults: Defaults;
  context: Context;
}

function planImport(values: Values, positionals: string[]): Plan {
  const manifest: Manifest | undefined =
    values.manifest === undefined ? undefined : readManifest(resolve(userDir, values.manifest));
  const given = positionals.map((p) => resolve(userDir, p));
  if (given.length === 0 && !manifest) throw new ImportError('usage', '缺少要导入的文件 / no file given');
  const inputs = expandInputs(given.length ? given : manifestFiles(manifest as Manifest), manifest?.path);
  const single = given.length === 1 && inputs.length === 1 && inputs[0]?.path === given[0];
  if (!single && (values.id !== undefined || values.lines !== undefined)) {
    throw new ImportError(
      'usage',
      '--id 和 --lines 只能用于单个文件；批量导入请写在清单的 id、lines 列 / --id and --lines apply to one file only: use the manifest',
    );
  }
  const defaults: Defaults = {
    region: values.region,
    year: parseYear(values.year),
    date: values.date,
    topics: topicList(values.topics),
    id: values.id,
    lines: parseLines(values.lines),
  };
  const root = resolve(userDir, values.root ?? repoRoot);
  const paths = projectPaths(root);
  const context: Context = {
    root,
    paths,
    vocabularies: loadVocabularies(root),
    index: new ArchiveIndex(paths, textDigestOf),
    force: values.force,
    dryRun: values['dry-run'],
  };
  return { inputs, manifest, single, defaults, context };
}

/** One file: imported with the detailed summary, or refused (thrown). */
function importSingle({ inputs, manifest, defaults, context }: Plan): number {
  const { path: file, problem } = inputs[0] as { path: string; problem?: ImportError };
  if (problem) throw problem;
  const outcome = importOne(file, optionsFor(file, manifest?.rowFor(file), defaults), context);
  if (outcome.error) throw outcome.error;
  console.log(summary(outcome.draft as Draft, shown(file, userDir), outcome.bytes ?? 0, context.root, outcome.written));
  return 0;
}

/** Many files: each imported or refused on its own, a progress line on a terminal, then the table. */
function importBatch({ inputs, manifest, defaults, context }: Plan): number {
  const outcomes: Outcome[] = [];
  const progress = process.stderr.isTTY;
  inputs.forEach((input, i) => {
    if (progress)
      process.stderr.write(
        `\r\u001b[K导入中 / importing ${i + 1}/${inputs.length}  ${clip(shown(input.path, userDir), 50)}`,
      );
    if (input.problem) {
      outcomes.push({ file: input.path, error: input.problem });
      return;
    }
    const row = manifest?.rowFor(input.path);
    try {
      outcomes.push(importOne(input.path, optionsFor(input.path, row, defaults), context));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      // A manifest value the file was refused for: say which row it is on.
      outcomes.push({
        file: input.path,
        error: row ? new ImportError(error.code, `清单第 ${row.line} 行：${error.message}`) : error,
      });
    }
  });
  if (progress) process.stderr.write('\r\u001b[K');
  console.log(finalTable(outcomes));
  if (context.dryRun) console.log('试运行，未写入文件 / dry run, nothing written');
  return outcomes.some((o) => o.error) ? 1 : 0;
}

/** The exit code: 0 done, 1 a file refused, 2 a usage error. */
function main(argv: string[]): number {
  const parsed = parseCommandLine(argv);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const plan = planImport(values, positionals);
    return plan.single ? importSingle(plan) : importBatch(plan);
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`导入失败 / import failed: ${error.message}${error.code === 'usage' ? `\n${USAGE}` : ''}`);
      return error.code === 'usage' ? 2 : 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
