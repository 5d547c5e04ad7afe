/**
 * Fixity of the originals: public/SHA256SUMS records the sha256 of every file in public/originals/, in
 * the format of coreutils' sha256sum, so a reader can check a downloaded copy of the site with
 * `sha256sum -c SHA256SUMS`. The build verifies it (a changed, missing or unlisted original fails the
 * build, naming the file); the importer records each original it adds with recordOriginalFixity.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockSync } from 'proper-lockfile';
import { CONTENT_DIRS } from './content-paths.ts';
import { writeWhole } from './write-whole.ts';

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

/** How long an import waits for others to finish adding their originals (each holds the lock for milliseconds). */
const LOCK_WAIT_MS = 60_000;
/**
 * A lock whose directory is older than this belongs to a killed import and is taken over. The holder
 * never refreshes it (proper-lockfile does so on a timer, and the work under the lock is synchronous),
 * so it must exceed the longest hold: writing two files and the manifest, well under a second.
 */
const LOCK_STALE_MS = 10_000;

/** The lock of a project: one per real path, so two spellings of one root share it. */
export function fixityLockPath(root: string): string {
  return join(tmpdir(), `archive-fixity-${sha256(realpathSync(root)).slice(0, 16)}.lockdir`);
}

/**
 * Runs `update` (which adds originals and records them) while no other process does so for the same
 * project: two imports reading the manifest at the same moment would each write it without the other's
 * entry. The lock is proper-lockfile's directory in the system's temporary folder, never in public/
 * (which is published); a lock left by a killed import is stale after LOCK_STALE_MS and reclaimed.
 */
export function withFixityLock<T>(root: string, update: () => T): T {
  const lockfilePath = fixityLockPath(root);
  const deadline = Date.now() + LOCK_WAIT_MS;
  let release: () => void;
  for (;;) {
    try {
      // lockSync cannot retry by itself (proper-lockfile's retries are async only).
      release = lockSync(root, { lockfilePath, stale: LOCK_STALE_MS });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline) {
        throw new Error(
          `另一个导入一直在写入原件和 ${FIXITY_MANIFEST}（锁 ${lockfilePath}），请稍后重试 / ` +
            `another import has held ${lockfilePath} for a minute; try again later`,
          { cause: error },
        );
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  try {
    return update();
  } finally {
    release();
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
  // Not in public/, where a crash would leave it to be published, but beside it in the project root (git
  // ignores it): rename is atomic only within one file system (the OS temporary folder is often another,
  // a tmpfs), and across two it fails (EXDEV) instead of leaving a half-written manifest.
  writeWhole(manifest, formatFixityManifest(entries), root);
}

export function recordOriginalFixity(root: string, name: string, bytes: Uint8Array): void {
  recordOriginalsFixity(root, [{ name, bytes }]);
}
