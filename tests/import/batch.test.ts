/**
 * `npm run import -- <folder> --manifest <csv>`: many files in one run, each all or nothing, a refused
 * file never stopping the others, a final table, exit 1 when any was refused.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readManifest } from '../../tools/importer/manifest.ts';
import { readImported, runImport, snapshot, tempProject } from './helpers.ts';

let project: ReturnType<typeof tempProject>;
beforeEach(() => {
  project = tempProject();
  mkdirSync(join(project.dir, 'incoming/sub'), { recursive: true });
});
afterEach(() => project.remove());

const put = (name: string, content: string | Buffer) => writeFileSync(join(project.dir, name), content);
const report = (place: string, n: number) =>
  `${place}工会工作纪事\n\n${place}总工会新建职工书屋${n}家，开展读书活动${n + 3}场次。\n`;

describe('a batch import', () => {
  it('imports what it can, refuses the rest with reasons in one table, and exits 1', () => {
    put('incoming/20240124-a.txt', report('南通市', 12));
    put('incoming/sub/2023-05-01-b.txt', report('阜新市', 7));
    put('incoming/bare.txt', '标题\n\n今年，某地开展活动。\n'); // no region, year or topic anywhere
    put('incoming/photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    put('incoming/.hidden.txt', report('南通市', 1)); // hidden: not imported
    put(
      'manifest.csv',
      'file,region,topics,title\nincoming/20240124-a.txt,nantong,workers-culture,\n' +
        '2023-05-01-b.txt,阜新市,"workers-culture,organising",阜新职工书屋\n' +
        'incoming/missing.txt,nantong,organising,\n',
    );
    const run = runImport([
      join(project.dir, 'incoming'),
      join(project.dir, 'incoming/missing.txt'),
      '--manifest',
      join(project.dir, 'manifest.csv'),
      '--root',
      project.dir,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\u001b\[/); // no progress line when not on a terminal
    const row = (name: string) => run.stdout.split('\n').find((line) => line.includes(name)) ?? '';
    expect(row('20240124-a.txt')).toMatch(
      /导入 imported +nantong-2024-[0-9a-f]{8}（nantong，2024）；统计候选 \d+ 条，建议指标 \d+ 条/,
    );
    expect(row('2023-05-01-b.txt')).toMatch(/导入 imported +fuxin-2023-/);
    expect(row('bare.txt')).toMatch(/拒绝 refused +缺少 3 项.*地区 region.*年份 year.*主题 topics/);
    expect(row('photo.txt')).toMatch(/拒绝 refused +.*二进制文件/);
    expect(row('missing.txt')).toMatch(/拒绝 refused +找不到文件/);
    expect(run.stdout).not.toContain('.hidden.txt');
    expect(run.stdout).toMatch(/共 5 个文件：导入 2，拒绝 3/);
    const reports = readdirSync(join(project.dir, 'content/reports'));
    expect(reports).toHaveLength(2);
    const fuxin = readImported(
      join(
        project.dir,
        'content/reports',
        reports.find((r) => r.startsWith('fuxin'))!,
      ),
    ).data;
    expect(fuxin).toMatchObject({
      title: '阜新职工书屋',
      region: 'fuxin',
      year: 2023,
      topics: ['workers-culture', 'organising'],
    });
    expect(fuxin.date).toMatchObject({ value: '2023-05-01', precision: 'day', inferred: true });
    expect(readdirSync(join(project.dir, 'public/originals'))).toHaveLength(2);
  });

  it('exits 0 when all are imported, and a second run refuses every file as already in the archive', () => {
    put('incoming/2020-01-02.txt', report('南通市', 3));
    put('incoming/2021-03-04.txt', report('南通市', 4));
    const first = runImport([join(project.dir, 'incoming'), '--topics', 'workers-culture', '--root', project.dir]);
    expect(first.status, first.stdout).toBe(0);
    const before = snapshot(project.dir);
    const second = runImport([join(project.dir, 'incoming'), '--topics', 'workers-culture', '--root', project.dir]);
    expect(second.status).toBe(1);
    expect(second.stdout.match(/原件已在档案中/g)).toHaveLength(2);
    expect(snapshot(project.dir)).toEqual(before);
  });

  it('refuses --id and --lines for several files, and a manifest with unknown columns', () => {
    put('incoming/a.txt', report('南通市', 3));
    put('incoming/b.txt', report('南通市', 4));
    expect(runImport([join(project.dir, 'incoming'), '--id', 'one', '--root', project.dir]).status).toBe(2);
    put('bad.csv', 'file,regoin\na.txt,nantong\n');
    const run = runImport([
      join(project.dir, 'incoming'),
      '--manifest',
      join(project.dir, 'bad.csv'),
      '--root',
      project.dir,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/不认识的列 regoin/);
    expect(readdirSync(join(project.dir, 'content/reports'))).toEqual([]);
  });
});

describe('readManifest', () => {
  it('reads lists, skips empty cells and finds rows by path or by name', () => {
    put(
      'm.csv',
      '\uFEFFFile,Region,Topics,Authors,Date\nincoming/x.txt,hohhot,"a,b",张三、李四,2024-01-24\ny.txt,,,,\n',
    );
    const manifest = readManifest(join(project.dir, 'm.csv'));
    expect(manifest.rowFor(join(project.dir, 'incoming/x.txt'))).toEqual({
      line: 2,
      file: 'incoming/x.txt',
      region: 'hohhot',
      topics: ['a', 'b'],
      authors: ['张三', '李四'],
      date: '2024-01-24',
    });
    expect(manifest.rowFor(join(project.dir, 'elsewhere/y.txt'))).toEqual({ line: 3, file: 'y.txt' });
    expect(manifest.rowFor(join(project.dir, 'z.txt'))).toBeUndefined();
  });

  it('refuses two rows for one file', () => {
    put('m.csv', 'file\na.txt\n./a.txt\n');
    expect(() => readManifest(join(project.dir, 'm.csv'))).toThrow(/第 2 行和第 3 行是同一个文件/);
  });
});
