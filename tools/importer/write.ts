/**
 * The importer's file side: reads the vocabularies of a project root, finds an identical original,
 * and writes the article and the original together — both or neither. Each file is written to a
 * temporary name in its target folder and renamed into place; if any step fails, what was done is
 * undone (files put back, temporary files removed), so a failed import leaves no half files.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { MetricEntry } from './candidates.ts';
import type { Vocabularies } from './draft.ts';
import { ImportError } from './errors.ts';
import type { RegionEntry, TopicEntry } from './infer.ts';

export interface ProjectPaths {
  root: string;
  reports: string;
  originals: string;
}

export function projectPaths(root: string): ProjectPaths {
  return { root, reports: join(root, 'content/reports'), originals: join(root, 'public/originals') };
}

function readVocabulary<T>(dir: string, entry: (id: string, data: Record<string, unknown>) => T): T[] {
  if (!fs.existsSync(dir)) throw new ImportError('not-found', `找不到词表目录 ${dir} / vocabulary folder not found: ${dir}`);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => entry(file.slice(0, -'.yaml'.length), (parse(fs.readFileSync(join(dir, file), 'utf8')) ?? {}) as Record<string, unknown>));
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function loadVocabularies(root: string): Vocabularies {
  const regions = readVocabulary<RegionEntry>(join(root, 'content/regions'), (id, d) => ({
    id,
    name: str(d.name),
    level: str(d.level),
    parent: typeof d.parent === 'string' ? d.parent : undefined,
  }));
  const topics = readVocabulary<TopicEntry>(join(root, 'content/topics'), (id, d) => ({ id, name: str(d.name), description: str(d.description) }));
  const metrics = readVocabulary<MetricEntry>(join(root, 'content/metrics'), (id, d) => ({
    id,
    name: str(d.name),
    unit: str(d.unit),
    description: str(d.description),
  }));
  return { regions, topics, metrics };
}

/** The name of a file in public/originals/ with exactly these bytes, if there is one. */
export function findIdenticalOriginal(paths: ProjectPaths, bytes: Uint8Array): string | undefined {
  if (!fs.existsSync(paths.originals)) return undefined;
  const digest = createHash('sha256').update(bytes).digest('hex');
  return fs
    .readdirSync(paths.originals)
    .sort()
    .find((name) => {
      const file = join(paths.originals, name);
      const stat = fs.statSync(file);
      return stat.isFile() && stat.size === bytes.byteLength && createHash('sha256').update(fs.readFileSync(file)).digest('hex') === digest;
    });
}

export interface PlannedFile {
  path: string;
  bytes: Uint8Array;
  /** Replace an existing file (only with --force). */
  overwrite: boolean;
  /** Leave an identical existing file alone (an original already in the archive). */
  keepIfIdentical?: boolean;
}

/** The file-system calls used, replaceable in tests to make a step fail. */
export interface FileOps {
  writeFileSync(path: string, data: Uint8Array, options: { flag: string }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  existsSync(path: string): boolean;
  statSync(path: string): { isDirectory(): boolean };
  readFileSync(path: string): Uint8Array;
}

const nodeOps: FileOps = fs;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unwritable(path: string, reason: string): ImportError {
  return new ImportError('unwritable', `无法写入 ${path}：${reason} / cannot write ${path}: ${reason}`);
}

/** Checks that every target can be written and none would be overwritten unasked; writes nothing. */
export function checkTargets(files: readonly PlannedFile[], ops: FileOps = nodeOps): PlannedFile[] {
  const toWrite: PlannedFile[] = [];
  for (const file of files) {
    const dir = dirname(file.path);
    if (!ops.existsSync(dir) || !ops.statSync(dir).isDirectory()) throw unwritable(dir, '目录不存在或不是目录 / not a directory');
    if (ops.existsSync(file.path)) {
      if (ops.statSync(file.path).isDirectory()) throw unwritable(file.path, '目标是目录 / the target is a directory');
      if (file.keepIfIdentical && Buffer.from(ops.readFileSync(file.path)).equals(Buffer.from(file.bytes))) continue;
      if (!file.overwrite) {
        throw new ImportError(
          'exists',
          `${file.path} 已存在，未覆盖（如确要覆盖，加 --force）/ ${file.path} already exists; not overwritten (pass --force to replace it)`,
        );
      }
    }
    toWrite.push(file);
  }
  return toWrite;
}

/** Writes all files or none (see the module comment). Returns the paths written. */
export function writeAllOrNothing(files: readonly PlannedFile[], ops: FileOps = nodeOps): string[] {
  const toWrite = checkTargets(files, ops);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = (path: string, kind: string) => join(dirname(path), `.${basename(path)}.${kind}-${tag}`);
  const temps: string[] = [];
  /** Per target: the name an existing file was moved to, and whether the new file is in place. */
  const steps: { path: string; backup?: string; placed: boolean }[] = [];
  let current = toWrite[0]?.path ?? '';
  try {
    for (const file of toWrite) {
      current = file.path;
      const path = temp(file.path, 'tmp');
      temps.push(path); // before writing: a failed write may leave a partial file to remove
      ops.writeFileSync(path, file.bytes, { flag: 'wx' });
    }
    toWrite.forEach((file, i) => {
      current = file.path;
      const step: { path: string; backup?: string; placed: boolean } = { path: file.path, placed: false };
      if (ops.existsSync(file.path)) {
        const backup = temp(file.path, 'backup');
        ops.renameSync(file.path, backup);
        step.backup = backup;
      }
      steps.push(step);
      ops.renameSync(temps[i] as string, file.path);
      step.placed = true;
    });
  } catch (error) {
    // Undo in reverse: take out what was put in place, put back what was moved aside.
    for (const step of steps.reverse()) {
      try {
        if (step.placed) ops.unlinkSync(step.path);
        if (step.backup !== undefined) ops.renameSync(step.backup, step.path);
      } catch {
        // keep undoing the rest
      }
    }
    for (const path of temps) if (ops.existsSync(path)) ops.unlinkSync(path);
    throw unwritable(current, describe(error));
  }
  for (const step of steps) if (step.backup !== undefined) ops.unlinkSync(step.backup);
  return toWrite.map((f) => f.path);
}
