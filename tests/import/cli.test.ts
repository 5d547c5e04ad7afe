/**
 * `npm run import` end to end, against throwaway project roots: what it writes and prints, and every
 * bad input — a clear Chinese/English message, a non-zero exit, and nothing written anywhere.
 */
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXITY_MANIFEST, verifyFixity } from '../../src/lib/fixity.ts';
import { ID_PATTERN } from '../../tools/importer/draft.ts';
import {
  FIXTURES,
  readImported,
  repoTargets,
  runImport,
  runImportAsync,
  SEEDS,
  seedBytes,
  snapshot,
  tempProject,
} from './helpers.ts';

let project: ReturnType<typeof tempProject>;
let repoBefore: Record<string, string>;
beforeEach(() => {
  project = tempProject();
  repoBefore = repoTargets();
});
afterEach(() => {
  // Whatever happened, the repository's own reports and originals were never touched.
  expect(repoTargets()).toEqual(repoBefore);
  project.remove();
});

const hostile = join(FIXTURES, 'hostile-report.txt');
const write = (name: string, bytes: Buffer | string) => {
  const file = join(project.dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('a successful import', () => {
  it('writes the article and the original, byte for byte, and prints what it found and inferred', () => {
    const seed = SEEDS[0] as string;
    const file = write('report.txt', seedBytes(seed));
    const run = runImport([file, '--root', project.dir]);
    expect(run.status, run.stderr).toBe(0);
    const files = Object.keys(snapshot(project.dir)).filter(
      (f) => !f.startsWith('content/regions') && !f.startsWith('content/topics') && !f.startsWith('content/metrics'),
    );
    const article = files.find((f) => f.startsWith('content/reports/')) as string;
    const original = files.find((f) => f.startsWith('public/originals/')) as string;
    expect(files.sort()).toEqual([article, original, FIXITY_MANIFEST, 'report.txt'].sort());
    expect(verifyFixity(project.dir)).toEqual([]);
    const id = article.replace(/^content\/reports\/|\.mdx$/g, '');
    expect(id).toMatch(ID_PATTERN);
    expect(id).toMatch(/^inner-mongolia-2014-[0-9a-f]{8}$/);
    expect(readFileSync(join(project.dir, original)).equals(seedBytes(seed))).toBe(true);
    const { data } = readImported(join(project.dir, article));
    expect(data.source.file).toBe(original.replace('public/originals/', ''));
    expect(data.reviewed).toBe(false);
    for (const label of [
      '编码 / encoding:   UTF-8',
      '标题 / title:      落实“8337”发展思路 打造祖国北疆亮丽风景线',
      '作者 / authors:    张奎',
    ]) {
      expect(run.stdout).toContain(label);
    }
    expect(run.stdout).toMatch(/地区 \/ region: +inner-mongolia 内蒙古自治区（推断 \/ inferred/);
    expect(run.stdout).toMatch(
      /年份 \/ year: +2014（据正文推测，低可信度，须核实 \/ guessed from the body, low confidence：2014年）/,
    );
    expect(run.stdout).toMatch(/主题 \/ topics: +[a-z-]+(, [a-z-]+)*（推断 \/ inferred/);
    expect(run.stdout).toMatch(/统计候选 \/ candidate stats: \d+ 条/);
  });

  it('uses the flags instead of inferring, and says so', () => {
    const run = runImport([
      hostile,
      '--root',
      project.dir,
      '--region',
      'jiangsu',
      '--year',
      '2022',
      '--topics',
      'organising,workers-culture',
      '--id',
      'flag-test',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const { data } = readImported(join(project.dir, 'content/reports/flag-test.mdx'));
    expect(data).toMatchObject({ region: 'jiangsu', year: 2022, topics: ['organising', 'workers-culture'] });
    expect(data.date).toBeUndefined();
    expect(run.stdout).toMatch(/地区 \/ region: +jiangsu 江苏省（指定 \/ given/);
    expect(run.stdout).toMatch(/年份 \/ year: +2022（指定 \/ given）/);
  });

  it('links an original already in the archive instead of copying it again', () => {
    const seed = SEEDS[4] as string;
    writeFileSync(join(project.dir, 'public/originals', seed), seedBytes(seed));
    const run = runImport([
      join(project.dir, 'public/originals', seed),
      '--root',
      project.dir,
      '--id',
      'second-article',
      '--lines',
      '55-107',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(readImported(join(project.dir, 'content/reports/second-article.mdx')).data.source).toMatchObject({
      file: seed,
      lines: { from: 55, to: 107 },
    });
    expect(Object.keys(snapshot(join(project.dir, 'public/originals')))).toEqual([seed]);
  });

  it('writes nothing on a dry run', () => {
    const before = snapshot(project.dir);
    const run = runImport([hostile, '--root', project.dir, '--dry-run']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('试运行，未写入文件');
    expect(snapshot(project.dir)).toEqual(before);
  });

  it('overwrites an existing article only with --force', () => {
    expect(runImport([hostile, '--root', project.dir, '--id', 'again']).status).toBe(0);
    const path = join(project.dir, 'content/reports/again.mdx');
    writeFileSync(path, 'edited by a maintainer');
    const before = snapshot(project.dir);
    const refused = runImport([hostile, '--root', project.dir, '--id', 'again']);
    expect(refused.status).toBe(1);
    expect(snapshot(project.dir)).toEqual(before);
    const forced = runImport([hostile, '--root', project.dir, '--id', 'again', '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toMatch(/^---\ntitle: /);
  });
});

describe('bad input: a clear message, a non-zero exit and nothing written', () => {
  const cases: [string, () => string[], RegExp, RegExp][] = [
    ['an empty file', () => [write('empty.txt', '')], /文件为空/, /the file is empty/],
    [
      'a binary file',
      () => [write('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))],
      /二进制文件/,
      /looks binary/,
    ],
    [
      'an undecodable file',
      () => [write('latin1.txt', Buffer.from('Café au lait, naïve façade.\n', 'latin1'))],
      /无法识别文件编码/,
      /cannot decode/,
    ],
    ['a missing file', () => [join(project.dir, 'missing.txt')], /找不到文件/, /file not found/],
    ['an unknown region', () => [hostile, '--region', 'atlantis'], /未知地区“atlantis”/, /unknown region "atlantis"/],
    [
      'an unknown topic',
      () => [hostile, '--topics', 'organising,astrology'],
      /未知主题“astrology”/,
      /unknown topic "astrology"/,
    ],
    ['a malformed id', () => [hostile, '--id', '南通 报道'], /标识“南通 报道”无效/, /invalid id/],
    ['a malformed year', () => [hostile, '--year', '23'], /年份“23”无效/, /invalid year/],
    [
      'a region that cannot be inferred',
      () => [
        write('nowhere.txt', '标题\n\n2015年，某地工会新建职工书屋27家，开展活动。\n'),
        '--topics',
        'workers-culture',
      ],
      /缺少 1 项[^]*地区 region/,
      /1 field\(s\) missing/,
    ],
    [
      'a year that cannot be inferred',
      () => [
        write('undated.txt', '南通市总工会\n\n今年，新建职工书屋27家，开展活动。\n'),
        '--topics',
        'workers-culture',
      ],
      /缺少 1 项[^]*年份 year/,
      /1 field\(s\) missing/,
    ],
    [
      'every field that cannot be inferred, in one message',
      () => [write('bare.txt', '标题\n\n今年，某地开展活动。\n')],
      /缺少 3 项[^]*地区 region[^]*年份 year[^]*主题 topics/,
      /3 field\(s\) missing/,
    ],
    [
      'a folder with no text files',
      () => [project.dir + '/public/originals'],
      /是目录，其中没有 \.txt 文件/,
      /is a directory/,
    ],
    [
      'a truncated UTF-8 file',
      () => [write('cut.txt', Buffer.from('南通市总工会\n\n新建职工书屋27家。', 'utf8').subarray(0, -2))],
      /UTF-8 编码，但在末尾被截断：第 \d+ 字节/,
      /cut off: the multi-byte character starting at byte \d+/,
    ],
  ];

  it.each(cases)('%s', (_name, args, chinese, english) => {
    const input = args(); // writes the case's input file first
    const before = snapshot(project.dir);
    const run = runImport([...input, '--root', project.dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(chinese);
    expect(run.stderr).toMatch(english);
    expect(run.stdout).toBe('');
    expect(snapshot(project.dir)).toEqual(before);
  });

  it('an id that exists', () => {
    expect(runImport([hostile, '--root', project.dir, '--id', 'taken']).status).toBe(0);
    const other = write('other.txt', readFileSync(hostile, 'utf8').replace('128个', '129个'));
    const before = snapshot(project.dir);
    const run = runImport([other, '--root', project.dir, '--id', 'taken']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/报道标识“taken”已被使用/);
    expect(run.stderr).toMatch(/id "taken" is taken/);
    expect(snapshot(project.dir)).toEqual(before);
  });

  it('an original of that name with other bytes (never overwritten unasked)', () => {
    writeFileSync(join(project.dir, 'public/originals/clash.txt'), 'another report');
    const before = snapshot(project.dir);
    const run = runImport([hostile, '--root', project.dir, '--id', 'clash']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/已存在，未覆盖/);
    expect(run.stderr).toMatch(/already exists; not overwritten/);
    expect(snapshot(project.dir)).toEqual(before);
  });

  it('an unwritable target folder', () => {
    // Root can write anywhere, so "unwritable" is made the portable way: the folder is a file.
    rmSync(join(project.dir, 'content/reports'), { recursive: true });
    writeFileSync(join(project.dir, 'content/reports'), 'not a folder');
    const before = snapshot(project.dir);
    const run = runImport([hostile, '--root', project.dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/无法写入 .*content\/reports/);
    expect(run.stderr).toMatch(/cannot write/);
    expect(snapshot(project.dir)).toEqual(before);
  });

  it('a target folder without write permission', () => {
    // Permissions do not bind root, so as root the import runs as the unprivileged user nobody, for whom
    // the project is readable and content/reports writable: only public/originals refuses it.
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (user.uid !== undefined) {
      chmodSync(project.dir, 0o755);
      chmodSync(join(project.dir, 'content/reports'), 0o777);
    }
    const originals = join(project.dir, 'public/originals');
    chmodSync(originals, 0o555);
    try {
      const before = snapshot(project.dir);
      const run = runImport([hostile, '--root', project.dir], {}, [], user);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/无法写入 .*public\/originals/);
      expect(run.stderr).toMatch(/cannot write/);
      expect(snapshot(project.dir)).toEqual(before);
    } finally {
      chmodSync(originals, 0o755);
    }
  });

  it('no file, or --id for several', () => {
    for (const args of [
      [],
      [hostile, join(FIXTURES, '..', 'fixtures', 'hostile-report.txt'), project.dir, '--id', 'one'],
    ]) {
      const run = runImport([...args, '--root', project.dir]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/用法 \/ usage/);
    }
  });
});

describe('an original already in the archive', () => {
  it('is refused, naming the report, for the same bytes or the same text in another encoding — unless --force', () => {
    const first = runImport([hostile, '--root', project.dir]);
    expect(first.status, first.stderr).toBe(0);
    const [report] = Object.keys(snapshot(join(project.dir, 'content/reports')));
    const id = (report as string).replace(/\.mdx$/, '');
    const utf16 = write('again-utf16.txt', iconv.encode(readFileSync(hostile, 'utf8'), 'utf-16le'));
    for (const args of [
      [hostile, '--id', 'copy'],
      [utf16, '--id', 'copy'],
    ]) {
      const before = snapshot(project.dir);
      const run = runImport([...args, '--root', project.dir]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`原件已在档案中：报道 ${id}`);
      expect(run.stderr).toMatch(/pass --force/);
      expect(snapshot(project.dir)).toEqual(before);
    }
    const forced = runImport([utf16, '--id', 'copy', '--root', project.dir, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
  });
});

describe('the console summary', () => {
  it('stays short for a file with hundreds of furniture lines (the draft lists them all)', () => {
    const lines = Array.from(
      { length: 880 },
      (_, i) => `开印时间：${i}时\n\n南通市总工会新建职工书屋${i + 1}家，开展读书活动。\n`,
    );
    const file = write('furniture.txt', `南通市总工会职工书屋建设\n\n${lines.join('\n')}`);
    const run = runImport([file, '--root', project.dir, '--year', '2020', '--topics', 'workers-culture']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.length).toBeLessThan(3000);
    expect(run.stdout).toMatch(/共 880 条，完整列表见草稿/);
    const [report] = Object.keys(snapshot(join(project.dir, 'content/reports')));
    expect(readImported(join(project.dir, 'content/reports', report as string)).data.source.furniture).toHaveLength(
      880,
    );
  });
});

describe('imports running at the same time', () => {
  it('all finish, without a crash, each all or nothing, each original recorded', async () => {
    const inputs = SEEDS.map((seed, i) => write(`seed-${i}.txt`, seedBytes(seed)));
    const runs = await Promise.all(
      inputs.map((file) => runImportAsync([file, '--root', project.dir, '--topics', 'organising'])),
    );
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/ENOENT|at .*\.ts:\d+/);
      expect(run.status, run.stderr).toBe(0);
    }
    expect(Object.keys(snapshot(join(project.dir, 'content/reports')))).toHaveLength(SEEDS.length);
    expect(readdirSync(join(project.dir, 'public/originals')).filter((n) => n.startsWith('.'))).toEqual([]);
    // Every original is in the fixity manifest: no import overwrote another's entry.
    expect(verifyFixity(project.dir)).toEqual([]);
  });
});
