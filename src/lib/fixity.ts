/**
 * Fixity of the originals: public/SHA256SUMS records the sha256 of every file in public/originals/, in
 * the format of coreutils' sha256sum, so a reader can check a downloaded copy of the site with
 * `sha256sum -c SHA256SUMS`. The build verifies it (a changed, missing or unlisted original fails the
 * build, naming the file); the importer records each original it adds with recordOriginalFixity.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_DIRS } from './content-paths.ts';

/** Relative to the project root; written into the site's root as /SHA256SUMS. */
export const FIXITY_MANIFEST = 'public/SHA256SUMS';
export const ORIGINALS_DIR = CONTENT_DIRS.originals;
/** How a manifest line names an original: its path in the built site. */
const PREFIX = 'originals/';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every original: the visible regular files of public/originals/ (not the importer's hidden temporaries). */
export function originalNames(root: string): string[] {
  const dir = join(root, ORIGINALS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isFile())
    .sort();
}

/** name → recorded digest. Lines are `<64 hex>  originals/<name>` (a `*` instead of the second space is allowed). */
export function parseFixityManifest(text: string): { entries: Map<string, string>; problems: string[] } {
  const entries = new Map<string, string>();
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match || !match[2]!.startsWith(PREFIX)) {
      problems.push(`${FIXITY_MANIFEST}:${i + 1}: 无法识别的行 / unreadable line: ${line}`);
      return;
    }
    entries.set(match[2]!.slice(PREFIX.length), match[1]!);
  });
  return { entries, problems };
}

export function formatFixityManifest(entries: ReadonlyMap<string, string>): string {
  return [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, digest]) => `${digest}  ${PREFIX}${name}\n`)
    .join('');
}

/** Each original against the manifest: changed, unlisted, or listed but missing. Empty when all agree. */
export function verifyFixity(root: string): string[] {
  const manifest = join(root, FIXITY_MANIFEST);
  if (!existsSync(manifest)) return [`${FIXITY_MANIFEST}: 缺少原件校验清单 / the fixity manifest is missing`];
  const { entries, problems } = parseFixityManifest(readFileSync(manifest, 'utf8'));
  const names = originalNames(root);
  for (const name of names) {
    const recorded = entries.get(name);
    const file = `${ORIGINALS_DIR}/${name}`;
    if (recorded === undefined) {
      problems.push(`${file}: 未登记在 ${FIXITY_MANIFEST} 中 / not listed in ${FIXITY_MANIFEST}`);
      continue;
    }
    const actual = sha256(readFileSync(join(root, file)));
    if (actual !== recorded) {
      problems.push(
        `${file}: sha256 与 ${FIXITY_MANIFEST} 不符（登记 ${recorded}，实际 ${actual}）/ sha256 differs from the manifest`,
      );
    }
  }
  const present = new Set(names);
  for (const name of entries.keys()) {
    if (!present.has(name))
      problems.push(`${ORIGINALS_DIR}/${name}: 清单中有而文件不存在 / listed in ${FIXITY_MANIFEST} but missing`);
  }
  return problems;
}

/** How long an import waits for another one to finish adding its original. */
const LOCK_WAIT_MS = 60_000;

/**
 * Runs `update` (which adds originals and records them) while no other process does so for the same
 * project: two imports reading the manifest at the same moment would each write it without the other's
 * entry. The lock is a file created exclusively in the system's temporary folder, never in public/
 * (which is published).
 */
export function withFixityLock<T>(root: string, update: () => T): T {
  const lock = join(tmpdir(), `archive-fixity-${sha256(realpathSync(root)).slice(0, 16)}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) {
        throw new Error(
          `另一个导入仍在写入原件和 ${FIXITY_MANIFEST}（锁文件 ${lock}）；如没有导入在运行，删除锁文件后重试 / ` +
            `another import holds ${lock}; delete it if none is running, then try again`,
          { cause: error },
        );
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  try {
    return update();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Records (adds or replaces) the digests of some originals, leaving every other entry as it was, so a
 * damaged original is never blessed by a later import. Written to a temporary file and renamed into place.
 * A process that may run beside another one (the importer) calls it inside withFixityLock.
 */
export function recordOriginalsFixity(root: string, originals: Iterable<{ name: string; bytes: Uint8Array }>): void {
  const manifest = join(root, FIXITY_MANIFEST);
  const { entries } = existsSync(manifest)
    ? parseFixityManifest(readFileSync(manifest, 'utf8'))
    : { entries: new Map<string, string>() };
  for (const { name, bytes } of originals) entries.set(name, sha256(bytes));
  const temp = `${manifest}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, formatFixityManifest(entries), { flag: 'wx' });
  renameSync(temp, manifest);
}

export function recordOriginalFixity(root: string, name: string, bytes: Uint8Array): void {
  recordOriginalsFixity(root, [{ name, bytes }]);
}
