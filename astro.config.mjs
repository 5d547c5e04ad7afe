// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { normalizeBase, normalizeSite } from './src/lib/paths.ts';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  throw new Error(`Node ${process.versions.node} is too old for Astro 7 (needs >= 22.12). Run it through npm scripts (npm run build), which use the project's Node 24.`);
}

// Same code serves `/` locally and `/<repo>/` on GitHub Pages: the deploy workflow sets both variables.
const site = normalizeSite(process.env.SITE_URL, 'http://localhost:4321');
const base = normalizeBase(process.env.BASE_PATH);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // remark plugins run only with the unified processor. SmartyPants is off: it would rewrite the
    // source's quotes and dashes, and the archive changes text only by its listed normalisation rules.
    processor: unified({ remarkPlugins: [remarkCjkFriendly], smartypants: false }),
  },
  integrations: [mdx()],
});
