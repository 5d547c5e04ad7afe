/**
 * The inputs of a batch import: files and folders from the command line, and the manifest, a CSV file
 * with one row per source file giving what the archivist knows about it (id, title, date, region,
 * topics, authors, lines). Manifest cells win over command-line defaults; an empty cell is no value.
 */
import * as fs from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { ImportError } from './errors.ts';

export interface ManifestRow {
  /** The row's line in the CSV file, for messages. */
  line: number;
  file: string;
  id?: string;
  title?: string;
  date?: string;
  year?: string;
  region?: string;
  topics?: string[];
  authors?: string[];
  lines?: string;
}

export const MANIFEST_COLUMNS = [
  'file',
  'id',
  'title',
  'date',
  'year',
  'region',
  'topics',
  'authors',
  'lines',
] as const;

/** A list cell: 组织建设,维权 or 张三、李四 or 张三;李四. */
const list = (cell: string) =>
  cell
    .split(/[,，、;；|]+/u)
    .map((t) => t.trim())
    .filter(Boolean);

export interface Manifest {
  path: string;
  rows: ManifestRow[];
  /** The row for a source file: by its path relative to the manifest's folder, else by its name. */
  rowFor(file: string): ManifestRow | undefined;
}

export function readManifest(path: string): Manifest {
  if (!fs.existsSync(path)) throw new ImportError('not-found', `找不到清单 ${path} / manifest not found: ${path}`);
  if (fs.statSync(path).isDirectory())
    throw new ImportError(
      'directory',
      `清单 ${path} 是目录，须为 CSV 文件 / the manifest ${path} is a directory, not a CSV file`,
    );
  const text = fs.readFileSync(path, 'utf8').replace(/^\uFEFF/u, '');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const unknown = fields.filter((f) => !(MANIFEST_COLUMNS as readonly string[]).includes(f));
  if (!fields.includes('file') || unknown.length > 0) {
    throw new ImportError(
      'usage',
      `清单 ${path} 的列有误：${!fields.includes('file') ? '缺少 file 列' : `不认识的列 ${unknown.join('、')}`}；可用的列：${MANIFEST_COLUMNS.join(', ')} / ` +
        `bad manifest columns${unknown.length ? `: unknown ${unknown.join(', ')}` : ': no file column'}`,
    );
  }
  // Short rows are fine (empty cells), and a one-column manifest has no delimiter to detect.
  const bad = parsed.errors.find((e) => e.code !== 'TooFewFields' && e.code !== 'UndetectableDelimiter');
  if (bad)
    throw new ImportError(
      'usage',
      `清单 ${path} 第 ${(bad.row ?? 0) + 2} 行无法解析：${bad.message} / cannot parse the manifest at row ${(bad.row ?? 0) + 2}: ${bad.message}`,
    );
  const rows = parsed.data.map((record, i): ManifestRow => {
    const cell = (name: string) => {
      const value = record[name]?.trim();
      return value === undefined || value === '' ? undefined : value;
    };
    const row: ManifestRow = { line: i + 2, file: cell('file') ?? '' };
    for (const name of ['id', 'title', 'date', 'year', 'region', 'lines'] as const) {
      const value = cell(name);
      if (value !== undefined) row[name] = value;
    }
    const topics = cell('topics');
    if (topics !== undefined) row.topics = list(topics);
    const authors = cell('authors');
    if (authors !== undefined) row.authors = list(authors);
    return row;
  });
  const empty = rows.find((r) => r.file === '');
  if (empty)
    throw new ImportError(
      'usage',
      `清单 ${path} 第 ${empty.line} 行没有 file / manifest row ${empty.line} has no file`,
    );
  const folder = dirname(resolve(path));
  const byPath = new Map<string, ManifestRow>();
  const byName = new Map<string, ManifestRow[]>();
  for (const row of rows) {
    const full = resolve(folder, row.file);
    const twin = byPath.get(full);
    if (twin)
      throw new ImportError(
        'usage',
        `清单 ${path} 第 ${twin.line} 行和第 ${row.line} 行是同一个文件 ${row.file} / manifest rows ${twin.line} and ${row.line} name the same file`,
      );
    byPath.set(full, row);
    byName.set(basename(row.file), [...(byName.get(basename(row.file)) ?? []), row]);
  }
  return {
    path: resolve(path),
    rows,
    rowFor(file) {
      const named = byName.get(basename(file));
      return byPath.get(resolve(file)) ?? (named?.length === 1 ? named[0] : undefined);
    },
  };
}

/** The manifest's files, as paths. */
export function manifestFiles(manifest: Manifest): string[] {
  return manifest.rows.map((row) => resolve(dirname(manifest.path), row.file));
}

/** The source files a folder holds: every .txt file below it, hidden ones (.git, temporary files) left out. */
function filesIn(folder: string): string[] {
  return (fs.readdirSync(folder, { recursive: true }) as string[])
    .filter((name) => /\.txt$/iu.test(name) && !name.split(/[\\/]/u).some((part) => part.startsWith('.')))
    .map((name) => join(folder, name))
    .filter((path) => fs.statSync(path).isFile())
    .sort();
}

export interface Input {
  path: string;
  /** Why it cannot be read at all (missing, an empty folder); else undefined. */
  problem?: ImportError;
}

/** Files and folders from the command line, folders expanded; each file once, in the given order. */
export function expandInputs(paths: readonly string[], manifestPath?: string): Input[] {
  const seen = new Set<string>();
  const inputs: Input[] = [];
  const add = (input: Input) => {
    if (seen.has(input.path)) return;
    seen.add(input.path);
    inputs.push(input);
  };
  for (const path of paths) {
    if (!fs.existsSync(path)) {
      add({ path, problem: new ImportError('not-found', `找不到文件 ${path} / file not found: ${path}`) });
    } else if (fs.statSync(path).isDirectory()) {
      const files = filesIn(path).filter((f) => resolve(f) !== manifestPath);
      if (files.length === 0) {
        add({
          path,
          problem: new ImportError(
            'directory',
            `${path} 是目录，其中没有 .txt 文件 / ${path} is a directory with no .txt files in it`,
          ),
        });
      }
      for (const file of files) add({ path: file });
    } else {
      add({ path });
    }
  }
  return inputs;
}

/** A path for messages: relative to where the user is, when below it. */
export function shown(path: string, from: string): string {
  const rel = relative(from, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
