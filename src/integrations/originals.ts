/**
 * At the end of `astro build`, writes the readable UTF-8 copy of every original next to it in the
 * output (see src/lib/originals.ts). The originals themselves are copied from public/ untouched and
 * checked against public/SHA256SUMS by the content loader (src/content.config.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ORIGINALS_DIR, originalNames } from '../lib/fixity.ts';
import { utf8View, utf8ViewName } from '../lib/originals.ts';

export default function originalsUtf8(): AstroIntegration {
  return {
    name: 'archive-originals-utf8',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'originals');
        const names = originalNames('.');
        for (const name of names) {
          const file = `${ORIGINALS_DIR}/${name}`;
          writeFileSync(join(out, utf8ViewName(name)), utf8View(file, readFileSync(file)));
        }
        logger.info(`wrote ${names.length} UTF-8 copies of the originals`);
      },
    },
  };
}
