/**
 * The importer's file side: reads the vocabularies of a project root, knows which originals the
 * archive holds, and writes the article and the original together — both or neither. Each file is
 * written to a temporary name in its target folder and linked (new files) or renamed (--force) into
 * place; if any step fails, what was done is undone (files put back, temporary files removed), so a
 * failed import leaves no half files. Imports running at the same time neither crash nor overwrite
 * each other.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { contentDir } from '../../src/lib/content-paths.ts';
import { metricSchema, regionSchema, topicSchema } from '../../src/schemas/index.ts';
import { sha256 } from '../../src/lib/fixity.ts';
import type { MetricEntry } from './assign-metric.ts';
import type { Vocabularies } from './draft.ts';
import { ImportError } from './errors.ts';
import type { RegionEntry, TopicEntry } from './infer.ts';

export interface ProjectPaths {
  root: string;
  reports: string;
  originals: string;
}

export function projectPaths(root: string): ProjectPaths {
  return { root, reports: contentDir('reports', root), originals: contentDir('originals', root) };
}

/** Checks one vocabulary entry against the site's own schema, so the importer never works from a broken entry. */
function validEntry<S extends z.ZodType>(
  schema: S,
  file: string,
  id: string,
  data: unknown,
): { id: string } & z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${[id, ...issue.path].join('.')}: ${issue.message}`).join('; ');
    throw new ImportError('vocabulary', `词表条目无效 ${file} / invalid vocabulary entry in ${file}: ${fields}`);
  }
  return { id, ...(parsed.data as object) } as { id: string } & z.output<S>;
}

/** A folder of YAML entries, one per file named by its slug. */
function readVocabulary<S extends z.ZodType>(dir: string, schema: S): ({ id: string } & z.output<S>)[] {
  if (!fs.existsSync(dir))
    throw new ImportError('not-found', `找不到词表目录 ${dir} / vocabulary folder not found: ${dir}`);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) =>
      validEntry(
        schema,
        join(dir, file),
        file.slice(0, -'.yaml'.length),
        parse(fs.readFileSync(join(dir, file), 'utf8')) ?? {},
      ),
    );
}

export function loadVocabularies(root: string): Vocabularies {
  const regionsFile = contentDir('regions', root);
  if (!fs.existsSync(regionsFile))
    throw new ImportError('not-found', `找不到地区词表 ${regionsFile} / region vocabulary not found: ${regionsFile}`);
  const regionData = JSON.parse(fs.readFileSync(regionsFile, 'utf8')) as Record<string, unknown>;
  const regions: RegionEntry[] = Object.entries(regionData).map(([id, data]) =>
    validEntry(regionSchema, regionsFile, id, data),
  );
  const topics: TopicEntry[] = readVocabulary(contentDir('topics', root), topicSchema);
  const metrics: MetricEntry[] = readVocabulary(contentDir('metrics', root), metricSchema).map((metric) => ({
    ...metric,
    units: metric.units ?? [metric.unit],
    counts: metric.counts ?? [],
    context: metric.context ?? [],
  }));
  return { regions, topics, metrics };
}

/** A file's bytes, or undefined when another import moved or removed it meanwhile. */
function readIfThere(path: string): Buffer | undefined {
  try {
    return fs.statSync(path).isFile() ? fs.readFileSync(path) : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export { sha256 };

/** The files of a folder an import may read, without the hidden temporary files of imports running now. */
const visibleFiles = (dir: string) =>
  fs.existsSync(dir) && fs.statSync(dir).isDirectory()
    ? fs
        .readdirSync(dir)
        .filter((name) => !name.startsWith('.'))
        .sort()
    : [];

/**
 * What the archive already holds, to recognise an original imported before: its originals by the hash
 * of their bytes and of their text (the same report in another encoding), and which reports use them.
 * Built once per run and kept up to date by `remember`, so a batch of a thousand files reads the
 * archive once. Safe while other imports write: files that vanish during the scan are skipped.
 */
export class ArchiveIndex {
  private readonly byBytes = new Map<string, string>();
  private readonly byText = new Map<string, string>();
  private readonly users = new Map<string, { id: string; lines?: string }[]>();
  /** Reports by headline and printed date: a recurring column title is no duplicate, but worth a look. */
  private readonly headings = new Map<string, string>();

  constructor(paths: ProjectPaths, textDigest: (bytes: Uint8Array) => string | undefined) {
    for (const name of visibleFiles(paths.originals)) {
      const bytes = readIfThere(join(paths.originals, name));
      if (!bytes) continue;
      this.byBytes.set(sha256(bytes), name);
      const digest = textDigest(bytes);
      if (digest !== undefined && !this.byText.has(digest)) this.byText.set(digest, name);
    }
    for (const name of visibleFiles(paths.reports).filter((n) => n.endsWith('.mdx'))) {
      const text = readIfThere(join(paths.reports, name))?.toString('utf8');
      if (text === undefined) continue;
      const source = reportSource(text);
      if (source) this.use(source.file, name.slice(0, -'.mdx'.length), source.lines);
      this.rememberHeading(text, name.slice(0, -'.mdx'.length));
    }
  }

  private rememberHeading(mdx: string, id: string): void {
    const heading = reportHeading(mdx);
    if (heading !== undefined && !this.headings.has(heading)) this.headings.set(heading, id);
  }

  /** A report with the same headline and printed date (or year) as this draft, if any. */
  sameHeading(mdx: string): string | undefined {
    const heading = reportHeading(mdx);
    return heading === undefined ? undefined : this.headings.get(heading);
  }

  private use(original: string, id: string, lines: string | undefined): void {
    this.users.set(original, [...(this.users.get(original) ?? []), { id, ...(lines ? { lines } : {}) }]);
  }

  /** The original with exactly these bytes. */
  identical(bytes: Uint8Array): string | undefined {
    return this.byBytes.get(sha256(bytes));
  }

  /**
   * A report that already imported this original (same bytes, or the same text): any report of it when
   * the whole file is imported again; one of the same lines, or of the whole file, for a `--lines` range.
   */
  reimport(
    bytes: Uint8Array,
    textDigest: string,
    lines: string | undefined,
  ): { report: string; original: string } | undefined {
    for (const original of [this.byBytes.get(sha256(bytes)), this.byText.get(textDigest)]) {
      const clash = (u: { lines?: string }) => lines === undefined || u.lines === undefined || u.lines === lines;
      const user = original === undefined ? undefined : this.users.get(original)?.find(clash);
      if (user && original !== undefined) return { report: user.id, original };
    }
    return undefined;
  }

  remember(
    original: string,
    bytes: Uint8Array,
    draft: { textDigest: string; id: string; mdx: string },
    lines: string | undefined,
  ): void {
    this.byBytes.set(sha256(bytes), original);
    if (!this.byText.has(draft.textDigest)) this.byText.set(draft.textDigest, original);
    this.use(original, draft.id, lines);
    this.rememberHeading(draft.mdx, draft.id);
  }
}

/** A top-level scalar of a frontmatter (`title: …`), YAML-parsed; undefined when absent or broken. */
function scalar(frontmatter: string, key: string): string | undefined {
  const line = new RegExp(`^${key}:[ \\t]*(\\S.*)$`, 'mu').exec(frontmatter)?.[0];
  try {
    const value = line === undefined ? undefined : (parse(line) as Record<string, unknown>)[key];
    return value === undefined || value === null ? undefined : String(value);
  } catch {
    return undefined;
  }
}

/** Headline and printed date (the year when no date is printed) of a report, without parsing all of it. */
export function reportHeading(mdx: string): string | undefined {
  const frontmatter = mdx.split(/^---$/mu)[1] ?? '';
  const title = scalar(frontmatter, 'title');
  const dateBlock = /^date:\n((?:[ \t]+.*\n)*)/mu.exec(frontmatter)?.[1];
  const date = (dateBlock && scalar(dateBlock.replace(/^[ \t]+/gmu, ''), 'value')) || scalar(frontmatter, 'year');
  return title === undefined || date === undefined ? undefined : `${title}\u0000${date}`;
}

/** `source.file` and `source.lines` of a report, read from its frontmatter without parsing all of it. */
function reportSource(mdx: string): { file: string; lines?: string } | undefined {
  const source = /^source:\n((?:[ \t]+.*\n|\n)*)/mu.exec(mdx.split(/^---$/mu)[1] ?? '');
  if (!source) return undefined;
  let data: { file?: unknown; lines?: { from?: unknown; to?: unknown } } | undefined;
  try {
    data = parse(source[1] ?? '') as typeof data;
  } catch {
    return undefined; // a broken report is the build's to refuse, not the importer's
  }
  if (typeof data?.file !== 'string') return undefined;
  const lines = data.lines ? `${data.lines.from}-${data.lines.to}` : undefined;
  return { file: data.file, ...(lines ? { lines } : {}) };
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
  linkSync(existing: string, path: string): void;
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
    if (!ops.existsSync(dir) || !ops.statSync(dir).isDirectory())
      throw unwritable(dir, '目录不存在或不是目录 / not a directory');
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
  const written: string[] = [];
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
      steps.push(step);
      if (!file.overwrite) {
        // A hard link fails if the name exists, so an import running at the same time cannot be overwritten.
        try {
          ops.linkSync(temps[i] as string, file.path);
        } catch (error) {
          const taken = (error as NodeJS.ErrnoException).code === 'EEXIST';
          // The same original, just put there by another import: nothing to write.
          if (taken && file.keepIfIdentical && Buffer.from(ops.readFileSync(file.path)).equals(Buffer.from(file.bytes)))
            return;
          if (taken)
            throw new ImportError(
              'exists',
              `${file.path} 刚被另一次导入写入，未覆盖 / ${file.path} was just written by another import; not overwritten`,
            );
          throw error;
        }
      } else {
        if (ops.existsSync(file.path)) {
          const backup = temp(file.path, 'backup');
          ops.renameSync(file.path, backup);
          step.backup = backup;
        }
        ops.renameSync(temps[i] as string, file.path);
      }
      step.placed = true;
      written.push(file.path);
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
    if (error instanceof ImportError) throw error;
    throw unwritable(current, describe(error));
  }
  for (const path of temps) if (ops.existsSync(path)) ops.unlinkSync(path);
  for (const step of steps) if (step.backup !== undefined) ops.unlinkSync(step.backup);
  return written;
}
