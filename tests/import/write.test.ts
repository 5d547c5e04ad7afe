/** Writing the article and the original: both or neither, whichever step fails. */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXITY_MANIFEST, fixityLockPath, parseFixityManifest, sha256, verifyFixity } from '../../src/lib/fixity.ts';
import { ImportError } from '../../tools/importer/errors.ts';
import {
  ArchiveIndex,
  checkTargets,
  projectPaths,
  writeAllOrNothing,
  type FileOps,
  type PlannedFile,
} from '../../tools/importer/write.ts';
import { ROOT, runImportAsync, SEEDS, seedBytes, snapshot, tempProject } from './helpers.ts';

let project: ReturnType<typeof tempProject>;
beforeEach(() => {
  project = tempProject();
});
afterEach(() => project.remove());

const files = (overwrite = false): PlannedFile[] => [
  { path: join(project.dir, 'public/originals/x.txt'), bytes: Buffer.from('原件'), overwrite, keepIfIdentical: true },
  { path: join(project.dir, 'content/reports/x.mdx'), bytes: Buffer.from('---\ntitle: x\n---\n'), overwrite },
];

/** The real file system, except that the n-th call of one operation throws. */
function failing(operation: 'writeFileSync' | 'renameSync' | 'linkSync', nth: number): FileOps {
  let calls = 0;
  return {
    ...fs,
    writeFileSync: fs.writeFileSync,
    renameSync: fs.renameSync,
    linkSync: fs.linkSync,
    readFileSync: (path: string) => fs.readFileSync(path),
    [operation]: (...args: unknown[]) => {
      calls++;
      if (calls === nth) throw new Error(`injected ${operation} failure`);
      return (fs[operation] as (...a: unknown[]) => void)(...args);
    },
  } as FileOps;
}

describe('writeAllOrNothing', () => {
  it('writes both files', () => {
    const written = writeAllOrNothing(files());
    expect(written).toHaveLength(2);
    expect(fs.readFileSync(join(project.dir, 'content/reports/x.mdx'), 'utf8')).toBe('---\ntitle: x\n---\n');
    expect(fs.readFileSync(join(project.dir, 'public/originals/x.txt'), 'utf8')).toBe('原件');
  });

  it.each([
    ['the second temporary file cannot be written', 'writeFileSync', 2],
    ['the first file cannot be put in place', 'linkSync', 1],
    ['the second file cannot be put in place', 'linkSync', 2],
  ] as const)('leaves nothing behind when %s', (_name, operation, nth) => {
    const before = snapshot(project.dir);
    expect(() => writeAllOrNothing(files(), failing(operation, nth))).toThrow(ImportError);
    expect(snapshot(project.dir)).toEqual(before);
    // No temporary files either (snapshot lists hidden files too).
    expect(fs.readdirSync(join(project.dir, 'content/reports'))).toEqual([]);
  });

  it('puts replaced files back when a forced overwrite fails half way', () => {
    fs.writeFileSync(join(project.dir, 'public/originals/x.txt'), 'old original');
    fs.writeFileSync(join(project.dir, 'content/reports/x.mdx'), 'old article');
    const before = snapshot(project.dir);
    // Renames: original aside, new original in, article aside, new article in (fails).
    expect(() => writeAllOrNothing(files(true), failing('renameSync', 4))).toThrow(
      /无法写入.*injected renameSync failure/,
    );
    expect(snapshot(project.dir)).toEqual(before);
    expect(fs.readdirSync(join(project.dir, 'public/originals'))).toEqual(['x.txt']);
  });

  it('refuses to overwrite unless asked, and leaves an identical original alone', () => {
    fs.writeFileSync(join(project.dir, 'content/reports/x.mdx'), 'old article');
    expect(() => checkTargets(files())).toThrow(/已存在，未覆盖/);
    fs.rmSync(join(project.dir, 'content/reports/x.mdx'));
    fs.writeFileSync(join(project.dir, 'public/originals/x.txt'), '原件');
    expect(checkTargets(files()).map((f) => f.path)).toEqual([join(project.dir, 'content/reports/x.mdx')]);
  });

  it('refuses a target folder that is missing or not a folder', () => {
    fs.rmSync(join(project.dir, 'public/originals'), { recursive: true });
    expect(() => checkTargets(files())).toThrow(/无法写入.*public\/originals.*not a directory/);
    fs.writeFileSync(join(project.dir, 'public/originals'), '');
    expect(() => writeAllOrNothing(files())).toThrow(ImportError);
    expect(fs.readdirSync(join(project.dir, 'content/reports'))).toEqual([]);
  });
});

describe('imports running at the same time', () => {
  it('never overwrite each other: the second writer of a name is refused, the first file stays', () => {
    const mine = files();
    const theirs: PlannedFile[] = [
      { path: join(project.dir, 'content/reports/x.mdx'), bytes: Buffer.from('theirs'), overwrite: false },
    ];
    // The other import puts its file in place after this one checked the targets, before it links.
    const racing: FileOps = {
      ...fs,
      linkSync: (existing: string, path: string) => {
        if (path.endsWith('x.mdx')) writeAllOrNothing(theirs);
        fs.linkSync(existing, path);
      },
    } as FileOps;
    expect(() => writeAllOrNothing(mine, racing)).toThrow(/另一次导入/);
    expect(fs.readFileSync(join(project.dir, 'content/reports/x.mdx'), 'utf8')).toBe('theirs');
    // All or nothing: this import's original is taken out again, and no temporary file is left.
    expect(fs.readdirSync(join(project.dir, 'public/originals'))).toEqual([]);
    expect(fs.readdirSync(join(project.dir, 'content/reports'))).toEqual(['x.mdx']);
  });

  it('read the archive without tripping over files that vanish or are still being written', () => {
    fs.writeFileSync(join(project.dir, 'public/originals/a.txt'), '原件甲');
    fs.writeFileSync(join(project.dir, 'public/originals/b.txt'), '原件乙');
    fs.writeFileSync(join(project.dir, 'public/originals/.c.txt.tmp-123-abcd'), '半截');
    const index = new ArchiveIndex(projectPaths(project.dir), (bytes) => {
      // While a.txt is read, another import renames b.txt away.
      fs.rmSync(join(project.dir, 'public/originals/b.txt'), { force: true });
      return Buffer.from(bytes).toString('utf8');
    });
    expect(index.identical(Buffer.from('原件甲'))).toBe('a.txt');
    expect(index.identical(Buffer.from('原件乙'))).toBeUndefined();
    expect(index.identical(Buffer.from('半截'))).toBeUndefined();
  });
});

describe('the fixity manifest under imports running at the same time', () => {
  it('keeps every entry: each process records under the lock (without it, most entries were lost)', async () => {
    const fixity = join(ROOT, 'src/lib/fixity.ts');
    const writer = (tag: string) =>
      new Promise<number | null>((done) => {
        const script =
          `import { recordOriginalFixity, withFixityLock } from ${JSON.stringify(fixity)};\n` +
          `for (let i = 0; i < 50; i++) withFixityLock(${JSON.stringify(project.dir)}, () =>\n` +
          `  recordOriginalFixity(${JSON.stringify(project.dir)}, \`${tag}-\${i}.txt\`, Buffer.from(\`${tag}\${i}\`)));\n`;
        spawn(process.execPath, ['--input-type=module', '--eval', script], { stdio: 'inherit' }).on('close', done);
      });
    const tags = ['a', 'b', 'c', 'd'];
    expect(await Promise.all(tags.map(writer))).toEqual(tags.map(() => 0));
    const { entries, problems } = parseFixityManifest(fs.readFileSync(join(project.dir, FIXITY_MANIFEST), 'utf8'));
    expect(problems).toEqual([]);
    expect([...entries.keys()].sort()).toEqual(
      tags.flatMap((tag) => Array.from({ length: 50 }, (_, i) => `${tag}-${i}.txt`)).sort(),
    );
    for (const [name, digest] of entries) expect(digest, name).toBe(sha256(name.replace(/-(\d+)\.txt$/, '$1')));
  });

  it('reclaims the lock of an import killed while holding it: the next import needs nobody to delete it', async () => {
    const fixity = join(ROOT, 'src/lib/fixity.ts');
    // Takes the lock, says so, and waits inside it until killed.
    const script =
      `import { withFixityLock } from ${JSON.stringify(fixity)};\n` +
      `withFixityLock(${JSON.stringify(project.dir)}, () => {\n` +
      `  process.stdout.write('locked\\n');\n` +
      `  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 600_000);\n` +
      `});\n`;
    const holder = spawn(process.execPath, ['--input-type=module', '--eval', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((locked) =>
      holder.stdout.on('data', (chunk) => String(chunk).includes('locked') && locked()),
    );
    const killed = new Promise((done) => holder.on('close', (_code, signal) => done(signal)));
    holder.kill('SIGKILL');
    expect(await killed).toBe('SIGKILL');
    // SIGKILL gives the holder no chance to clean up: its lock is left behind.
    expect(fs.existsSync(fixityLockPath(project.dir))).toBe(true);

    const file = join(project.dir, 'report.txt');
    fs.writeFileSync(file, seedBytes(SEEDS[0] as string));
    const run = await runImportAsync([file, '--root', project.dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(fs.readdirSync(join(project.dir, 'content/reports'))).toHaveLength(1);
    expect(verifyFixity(project.dir)).toEqual([]);
    expect(fs.existsSync(fixityLockPath(project.dir))).toBe(false);
  });
});

describe('ArchiveIndex.reimport', () => {
  it('finds the report of an original by bytes or text, for the whole file or the same lines', () => {
    fs.writeFileSync(join(project.dir, 'public/originals/o.txt'), '原件全文');
    fs.writeFileSync(
      join(project.dir, 'content/reports/part.mdx'),
      '---\ntitle: x\nsource:\n  file: o.txt\n  lines: { from: 3, to: 9 }\n  extent: x\nreviewed: false\n---\n',
    );
    const index = new ArchiveIndex(projectPaths(project.dir), (bytes) => `text:${Buffer.from(bytes).toString('utf8')}`);
    const bytes = Buffer.from('原件全文');
    expect(index.reimport(bytes, 'other', undefined)).toEqual({ report: 'part', original: 'o.txt' });
    expect(index.reimport(Buffer.from('另一种编码'), 'text:原件全文', undefined)).toEqual({
      report: 'part',
      original: 'o.txt',
    });
    expect(index.reimport(bytes, 'other', '3-9')).toEqual({ report: 'part', original: 'o.txt' });
    // Another article of the same file is no duplicate.
    expect(index.reimport(bytes, 'other', '10-20')).toBeUndefined();
    expect(index.reimport(Buffer.from('别的原件'), 'other', undefined)).toBeUndefined();
  });
});
