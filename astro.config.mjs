// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { normalizeBase, normalizeSite } from './src/lib/paths.ts';
import rehypeArticleAnchors from './src/lib/rehype-article-anchors.ts';
import originalsUtf8 from './src/integrations/originals.ts';
import { assertSupportedNode } from './scripts/check-node.mjs';

assertSupportedNode();

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
    processor: unified({
      remarkPlugins: [remarkCjkFriendly],
      rehypePlugins: [rehypeArticleAnchors],
      smartypants: false,
    }),
  },
  integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), originalsUtf8()],
  experimental: {
    // A build after a few reports changed renders only the report pages whose cache key changed
    // (src/lib/archive.ts: pageCacheKey); the others are copied from the previous build's cache.
    incrementalBuild: true,
  },
  vite: {
    build: {
      // Every script goes to its own file: the Content-Security-Policy (src/lib/csp.ts) allows no inline
      // script but the hashed theme one, and Astro would otherwise inline scripts under 4 KB.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro's MDX pipeline marks each article module "use astro:head-inject", and the bundler warns
          // (10 lines per report) that it may drop the directive; Astro reads it before bundling, so the
          // warning is noise. Only exactly this one is dropped, so real problems stay visible.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
});
