/**
 * The fixity manifest: what recordOriginalFixity writes is what coreutils' `sha256sum -c` accepts (the
 * oracle), verifyFixity agrees with it, and recording one original leaves the other entries alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXITY_MANIFEST, recordOriginalFixity, verifyFixity } from '../../src/lib/fixity.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function project(): string {
  root = mkdtempSync(join(tmpdir(), 'fixity-'));
  mkdirSync(join(root, 'public/originals'), { recursive: true });
  return root;
}

const sha256sumCheck = (dir: string) =>
  spawnSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: join(dir, 'public'), encoding: 'utf8' });

describe('fixity manifest', () => {
  it('records originals so that sha256sum -c accepts them and verifyFixity finds nothing wrong', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { minLength: 1, maxLength: 5 }),
        fc.array(fc.uint8Array({ maxLength: 64 }), { minLength: 5, maxLength: 5 }),
        (names, contents) => {
          const dir = project();
          names.forEach((name, i) => {
            const bytes = contents[i]!;
            writeFileSync(join(dir, 'public/originals', `${name}.txt`), bytes);
            recordOriginalFixity(dir, `${name}.txt`, bytes);
          });
          expect(sha256sumCheck(dir).status).toBe(0);
          expect(verifyFixity(dir)).toEqual([]);
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { seed: 20261201, numRuns: 25 },
    );
  });

  it('names a changed, an unlisted and a missing original; re-recording one leaves the others as they were', () => {
    const dir = project();
    for (const name of ['a.txt', 'b.txt']) {
      writeFileSync(join(dir, 'public/originals', name), name);
      recordOriginalFixity(dir, name, Buffer.from(name));
    }
    writeFileSync(join(dir, 'public/originals/a.txt'), 'changed');
    writeFileSync(join(dir, 'public/originals/c.txt'), 'new');
    rmSync(join(dir, 'public/originals/b.txt'));
    expect(sha256sumCheck(dir).status).not.toBe(0);
    const problems = verifyFixity(dir);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^public\/originals\/a\.txt: sha256 与 public\/SHA256SUMS 不符/);
    expect(problems[1]).toMatch(/^public\/originals\/c\.txt: 未登记/);
    expect(problems[2]).toMatch(/^public\/originals\/b\.txt: 清单中有而文件不存在/);

    const before = readFileSync(join(dir, FIXITY_MANIFEST), 'utf8');
    recordOriginalFixity(dir, 'c.txt', Buffer.from('new'));
    const after = readFileSync(join(dir, FIXITY_MANIFEST), 'utf8');
    expect(after.split('\n').filter((l) => !l.endsWith('originals/c.txt'))).toEqual(before.split('\n'));
    // The changed original is still reported: recording another one never blesses it.
    expect(verifyFixity(dir)).toHaveLength(2);
  });

  it('never writes a temporary file under public/, which is published', async () => {
    const dir = project();
    const seen: string[] = [];
    // Not recursive: Node's recursive watching on Linux misses a file created and renamed at once.
    const watcher = watch(join(dir, 'public'), (_event, name) => seen.push(String(name)));
    try {
      for (const name of ['a.txt', 'b.txt', 'c.txt']) recordOriginalFixity(dir, name, Buffer.from(name));
      // Events arrive in order: once the sentinel's has, every event of the writes above has too.
      const sentinel = new Promise<void>((done) => watcher.on('change', (_e, name) => name === 'sentinel' && done()));
      writeFileSync(join(dir, 'public/sentinel'), '');
      await sentinel;
    } finally {
      watcher.close();
    }
    expect(new Set(seen)).toEqual(new Set(['SHA256SUMS', 'sentinel']));
    // Nor is one left beside it.
    expect(readdirSync(dir).sort()).toEqual(['public']);
  });

  it('says when the manifest is missing', () => {
    expect(verifyFixity(project())).toEqual([`${FIXITY_MANIFEST}: 缺少原件校验清单 / the fixity manifest is missing`]);
  });
});
