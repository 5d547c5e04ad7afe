// Imports a raw OCR'd report file as a draft article in one step: writes content/reports/<id>.mdx
// (marked reviewed: false, shown as 未校对) and the original file, byte for byte, to public/originals/.
// Usage: npm run import -- <file> [--region <slug>] [--year <yyyy>] [--topics a,b] [--id <slug>]
//                                 [--lines <from>-<to>] [--force] [--dry-run] [--root <dir>]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeEncoding } from './importer/decode.ts';
import { buildDraft, type Draft } from './importer/draft.ts';
import { ImportError } from './importer/errors.ts';
import { findIdenticalOriginal, loadVocabularies, projectPaths, writeAllOrNothing } from './importer/write.ts';

const USAGE = `用法 / usage: npm run import -- <文件 file> [选项 options]
  --region <slug>    地区（content/regions/ 的标识或中文名）；默认从标题和正文推断
  --year <yyyy>      年份；默认取文中最晚的年份
  --topics a,b       主题（content/topics/ 的标识）；默认按关键词推荐
  --id <slug>        报道标识（文件名），默认 <地区>-<年份>-<文本哈希前8位>
  --lines <a>-<b>    只导入文件的第 a–b 行（一个文件含多篇报道时）
  --force            覆盖已有的同名报道和原件
  --dry-run          只显示识别和推断结果，不写文件
  --root <dir>       项目根目录（默认本仓库）`;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// npm runs scripts from the package root; paths on the command line are relative to where the user was.
const userDir = process.env.INIT_CWD ?? process.cwd();

function parseLines(value: string | undefined): { from: number; to: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\s*[-–—]\s*(\d+)$/.exec(value.trim());
  if (!match) throw new ImportError('usage', `--lines 须为“起-止”，如 55-107 / --lines must be <from>-<to>, e.g. 55-107`);
  return { from: Number(match[1]), to: Number(match[2]) };
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim())) throw new ImportError('bad-year', `年份“${value}”无效：须为四位数字 / invalid year "${value}"`);
  return Number(value);
}

function summary(draft: Draft, file: string, size: number, root: string, written: string[] | undefined): string {
  const s = draft.structure;
  const blocks = (kind: string) => s.blocks.filter((b) => b.kind === kind).length;
  const from = (inferred: boolean) => (inferred ? '推断 / inferred' : '指定 / given');
  const others = draft.region.candidates
    .filter((c) => c.id !== draft.region.id)
    .slice(0, 3)
    .map((c) => `${c.id} ${c.name}（标题 ${c.titleHits}，正文 ${c.bodyHits}）`);
  const chosen = draft.region.candidates.find((c) => c.id === draft.region.id);
  const lines = [
    `读取 / read:       ${file}（${size} 字节 / bytes）`,
    `编码 / encoding:   ${describeEncoding(draft.encoding)}`,
    `标题 / title:      ${s.title}${s.titleSource === 'placeholder' ? '（暂拟，原文无标题行 / placeholder）' : `（第${s.titleLines.join('、')}行）`}`,
    `副题 / subtitle:   ${s.subtitle ?? '—'}`,
    `作者 / authors:    ${s.authors.map((a) => (a.role ? `${a.role} ${a.name}` : a.name)).join('、') || '—'}`,
    `地区 / region:     ${draft.region.id} ${draft.region.name}（${from(draft.region.inferred)}${chosen ? `：标题 ${chosen.titleHits} 次，正文 ${chosen.bodyHits} 次` : ''}）${others.length ? `；其他候选 / other candidates: ${others.join('；')}` : ''}`,
    `年份 / year:       ${draft.year.value}（${from(draft.year.inferred)}${draft.year.inferred && draft.year.evidence ? `：${draft.year.evidence}` : ''}）`,
    `主题 / topics:     ${draft.topics.ids.join(', ')}（${from(draft.topics.inferred)}${
      draft.topics.inferred
        ? `：${draft.topics.guesses.map((t) => `${t.id} ${t.hits.map((h) => `${h.word}×${h.count}`).join(' ')}`).join('；')}`
        : ''
    }）`,
    `正文 / body:       ${blocks('paragraph')} 段，${blocks('heading')} 个小标题，${blocks('caption')} 则图片说明，接排断行 ${s.joins.length} 处`,
    `版面杂项 / furniture: ${[...s.banners, ...s.furniture].map((l) => `第${l.line}行 ${l.text}`).join('；') || '—'}`,
    `统计候选 / candidate stats: ${draft.stats.listed} 条${draft.stats.found > draft.stats.listed ? `（共 ${draft.stats.found} 条，只列前 ${draft.stats.listed} 条）` : ''}`,
    `原件 / original:   public/originals/${draft.originalName}`,
  ];
  if (written === undefined) {
    lines.push(`试运行，未写入文件 / dry run, nothing written (content/reports/${draft.id}.mdx)`);
  } else {
    lines.push(`写入 / wrote:      ${written.map((p) => relative(root, p)).join('，') || '（无需写入 / nothing new）'}`);
    lines.push('下一步 / next: 草稿标为“未校对”。核对正文、元数据和统计候选，写好摘要，再把 reviewed 改为 true。');
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        region: { type: 'string' },
        year: { type: 'string' },
        topics: { type: 'string' },
        id: { type: 'string' },
        lines: { type: 'string' },
        root: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`参数错误 / bad arguments: ${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`${positionals.length === 0 ? '缺少要导入的文件 / no file given' : '一次只能导入一个文件 / one file at a time'}\n${USAGE}`);
    return 2;
  }

  try {
    const file = resolve(userDir, positionals[0] as string);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new ImportError('not-found', `找不到文件 ${file} / file not found: ${file}`);
    }
    const root = resolve(userDir, values.root ?? repoRoot);
    const paths = projectPaths(root);
    const bytes = readFileSync(file);
    const draft = buildDraft(bytes, loadVocabularies(root), {
      region: values.region,
      year: parseYear(values.year),
      topics: values.topics
        ?.split(/[,，\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
      id: values.id,
      lines: parseLines(values.lines),
      existingOriginal: findIdenticalOriginal(paths, bytes),
    });
    const target = join(paths.reports, `${draft.id}.mdx`);
    if (existsSync(target) && !values.force) {
      throw new ImportError(
        'exists',
        `报道标识“${draft.id}”已被使用（content/reports/${draft.id}.mdx），未覆盖；换一个 --id，或加 --force 覆盖 / id "${draft.id}" is taken; choose another --id or pass --force`,
      );
    }
    let written: string[] | undefined;
    if (!values['dry-run']) {
      written = writeAllOrNothing([
        { path: join(paths.originals, draft.originalName), bytes, overwrite: values.force, keepIfIdentical: true },
        { path: target, bytes: Buffer.from(draft.mdx, 'utf8'), overwrite: values.force },
      ]);
    }
    console.log(summary(draft, relative(userDir, file) || file, bytes.byteLength, root, written));
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`导入失败 / import failed: ${error.message}`);
      return error.code === 'usage' ? 2 : 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
