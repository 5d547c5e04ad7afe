/**
 * Throwaway projects for the benchmark, under the system's temporary folder: the archive itself (a copy
 * of the working tree's code and vocabularies) and the bare reference (only astro + @astrojs/mdx), both
 * with content/reports/ left for the generated reports. node_modules is a folder of links to the
 * working tree's packages rather than one link, so Astro's caches (node_modules/.astro holds the content
 * data store) stay private to each project: every build starts cold and shared caches are not touched.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, linkPackages } from '../shared/sandbox.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchProject {
  kind: 'archive' | 'bare';
  dir: string;
  reportsDir: string;
  remove(): void;
}

function project(kind: BenchProject['kind'], dir: string): BenchProject {
  const reportsDir = join(dir, 'content/reports');
  mkdirSync(reportsDir, { recursive: true });
  linkPackages(dir);
  return { kind, dir, reportsDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The archive as it stands in the working tree: its config, code, public files and vocabularies. */
export function createArchiveProject(): BenchProject {
  const { dir, remove } = createSandbox();
  return { kind: 'archive', dir, reportsDir: join(dir, 'content/reports'), remove };
}

/** Components the reports' MDX uses, rendered as plain elements (the bare site has no editorial styling). */
const EDITORIAL = ['Caption', 'Duplicate', 'Garbled', 'Lacuna', 'Note', 'Sic'];

const BARE_FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'bench-bare-reference', private: true, type: 'module' }, null, 2)}\n`,
  'tsconfig.json': `${JSON.stringify({ extends: 'astro/tsconfigs/base' }, null, 2)}\n`,
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({ base: process.env.BASE_PATH ?? '/', integrations: [mdx()] });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = { reports: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/reports' }) }) };
`,
  'src/components/Plain.astro': `---
const { text, note, reading } = Astro.props;
---
<span>{text ?? note ?? reading}<slot /></span>
`,
  'src/pages/reports/[id].astro': `---
import { getCollection, render } from 'astro:content';
import Plain from '../../components/Plain.astro';

export async function getStaticPaths() {
  const entries = await getCollection('reports');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
const components = { ${EDITORIAL.map((name) => `${name}: Plain`).join(', ')} };
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{String(entry.data.title)}</title></head>
  <body><main><h1>{String(entry.data.title)}</h1><Content components={components} /></main></body>
</html>
`,
};

/**
 * The reference: a bare Astro MDX site over the same files (glob() collection without a schema, one
 * route rendering each entry, default Markdown processing, no search index).
 */
export function createBareProject(): BenchProject {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  for (const [path, text] of Object.entries(BARE_FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return project('bare', dir);
}
